using System.Diagnostics;

namespace SoapMiddleware.Client.Calls;

/// <summary>The client's traces: one activity per call, whose W3C <c>traceparent</c> the request carries to the server.</summary>
public static class RpcClientDiagnostics
{
    /// <summary>The name of the client's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string SourceName = "SoapMiddleware.Client";

    internal static readonly ActivitySource Source = new(SourceName);
}
