using System.Xml.Linq;
using SoapMiddleware.Security;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// The response's <c>wsse:Security</c> header for a request the WS-Security handler authenticated: a
/// <c>wsu:Timestamp</c> alone, as WCF's <c>TransportWithMessageCredential</c> binding reads it (it refuses a response
/// without one, and reads nothing but a Timestamp there when the message is not signed).
/// </summary>
internal sealed partial class SoapProtocol
{
    private static readonly XNamespace Wsu = WsSecurityNames.Wsu;
    private static readonly XName TimestampName = Wsu + "Timestamp";
    private static readonly XName CreatedName = Wsu + "Created";
    private static readonly XName ExpiresName = Wsu + "Expires";
    private static readonly XName IdName = Wsu + "Id";

    /// <summary>
    /// Writes the header entry: <c>mustUnderstand="1"</c> as WCF marks its own (WCF, zeep and the client here all
    /// accept it), the Timestamp with the <c>wsu:Id</c> WCF gives it, <c>Created</c> and <c>Expires</c> taken now.
    /// </summary>
    private void WriteSecurity(XmlSink sink, ResponseTimestamp stamp)
    {
        var (created, expires) = stamp.Stamp();
        var entry = new MustUnderstandSink(sink, version);
        entry.StartElement(WsSecurityNames.Security);
        entry.StartElement(TimestampName);
        entry.WriteNamespace("wsu", Wsu.NamespaceName);
        entry.WriteAttribute(IdName, "wsu", ResponseTimestamp.Id);
        entry.WriteElement(CreatedName, created);
        entry.WriteElement(ExpiresName, expires);
        entry.EndElement(TimestampName);
        entry.EndElement(WsSecurityNames.Security);
    }

    /// <summary>The Header element of a fault's tree holding the Security entry, or <see langword="null"/> without a <paramref name="stamp"/>.</summary>
    private XElement? SecurityHeaderTree(ResponseTimestamp? stamp)
        => stamp is null ? null : new XElement(version.Header, stamp.Entry(version.Namespace));
}
