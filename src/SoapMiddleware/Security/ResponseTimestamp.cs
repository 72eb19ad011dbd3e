using System.Xml;

namespace SoapMiddleware.Security;

/// <summary>
/// The request feature the WS-Security handler sets once it accepted the request's token (unless
/// <see cref="WsSecurityOptions.IncludeResponseTimestamp"/> is off): the SOAP protocol then writes a
/// <c>wsse:Security</c> header with a <c>wsu:Timestamp</c> into the response, result or fault. The times are taken when
/// the response is written, not when the token was accepted, so a long call still answers with a fresh Timestamp.
/// </summary>
internal sealed class ResponseTimestamp(TimeProvider time, TimeSpan lifetime)
{
    /// <summary>The Timestamp's <c>wsu:Id</c>, the one WCF gives its own (a signature would refer to it; none does here).</summary>
    public const string Id = "_0";

    /// <summary>The texts of <c>Created</c> (now) and <c>Expires</c>: UTC to the millisecond, the form WCF writes.</summary>
    public (string Created, string Expires) Stamp()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return (Format(now), Format(now + lifetime));
    }

    private static string Format(DateTime utc) => XmlConvert.ToString(utc, "yyyy-MM-ddTHH:mm:ss.fffZ");
}
