using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SoapMiddleware.Client.Calls;

/// <summary>
/// The client's traces and metrics: one activity per call, whose W3C <c>traceparent</c> the request carries to the
/// server (so a call through this client into a SoapMiddleware server is one trace), and one meter.
/// </summary>
/// <remarks>
/// Instruments of the meter <see cref="MeterName"/>: <c>soapmiddleware.client.calls</c> (counter) and
/// <c>soapmiddleware.client.call.duration</c> (histogram, seconds, from the call to its end, retries included). Tags:
/// <c>rpc.service</c>, <c>rpc.operation</c>, <c>rpc.protocol</c>, <c>rpc.outcome</c> (<c>success</c>, <c>fault</c>,
/// <c>http_error</c>, <c>timeout</c>, <c>cancelled</c>, <c>too_large</c>, <c>transport_error</c>, <c>error</c>).
/// </remarks>
public static class RpcClientDiagnostics
{
    /// <summary>The name of the client's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string SourceName = "SoapMiddleware.Client";

    /// <summary>The name of the client's <see cref="Meter"/> (the same as the activity source's).</summary>
    public const string MeterName = SourceName;

    internal static readonly ActivitySource Source = new(SourceName);
}
