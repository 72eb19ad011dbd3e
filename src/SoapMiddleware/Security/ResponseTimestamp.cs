using System.Xml;
using System.Xml.Linq;

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

    /// <summary>
    /// The header entry as a tree, for a fault written as one: <c>wsse:Security</c> marked <c>mustUnderstand="1"</c> in
    /// <paramref name="envelope"/>'s namespace, holding the Timestamp (the SOAP protocol's fast path writes the same).
    /// </summary>
    public XElement Entry(XNamespace envelope)
    {
        XNamespace wsu = WsSecurityNames.Wsu;
        var (created, expires) = Stamp();
        return new XElement(
            WsSecurityNames.Security,
            new XAttribute(envelope + "mustUnderstand", "1"),
            new XElement(
                wsu + "Timestamp",
                new XAttribute(XNamespace.Xmlns + "wsu", wsu.NamespaceName),
                new XAttribute(wsu + "Id", Id),
                new XElement(wsu + "Created", created),
                new XElement(wsu + "Expires", expires)));
    }

    private static string Format(DateTime utc) => XmlConvert.ToString(utc, "yyyy-MM-ddTHH:mm:ss.fffZ");
}
