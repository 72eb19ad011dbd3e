namespace SoapMiddleware.Client.Tests.Infrastructure;

/// <summary>One call as <see cref="WireTap"/> saw it on the wire.</summary>
internal sealed record WireExchange(string? RequestContentType, byte[] RequestBody, string? ResponseContentType)
{
    /// <summary>The request body as text (an MTOM body's binary parts as Latin-1, so byte offsets stay).</summary>
    public string RequestText => System.Text.Encoding.Latin1.GetString(RequestBody);
}
