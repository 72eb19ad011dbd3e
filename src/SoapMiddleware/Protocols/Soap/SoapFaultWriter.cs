using System.Xml.Linq;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// Writes the <c>Fault</c> element in the shape each SOAP version prescribes. The message goes through
/// <see cref="EchoedText.XmlSafe"/> whoever wrote it (a parser quoting the byte it choked on, a service quoting its
/// input): a character XML forbids would otherwise make the writer throw and the client get no fault at all.
/// </summary>
internal static class SoapFaultWriter
{
    private static readonly XNamespace XmlNs = XNamespace.Xml;

    /// <summary>The attribute of a SOAP 1.1 fault's <c>detail</c> that carries its subcode (<c>tns:FaultSubcode</c>).</summary>
    public const string SubcodeAttribute = "FaultSubcode";

    public static XElement Write(SoapVersion version, RpcFault fault, string applicationNamespace, XElement? detail)
        => version.Is12 ? Write12(version, fault, applicationNamespace, detail) : Write11(version, fault, applicationNamespace, detail);

    /// <summary>
    /// SOAP 1.1: <c>faultcode</c> is the bare <c>soap:Client</c>/<c>soap:Server</c> QName, so every client (zeep, WCF's
    /// <c>IsSenderFault</c>) reads who is to blame; the subcode rides on <c>detail</c> as the qualified attribute
    /// <c>tns:FaultSubcode</c>, leaving the typed detail the only child (WCF refuses a second element there).
    /// <c>faultstring</c> and <c>detail</c> are unqualified.
    /// </summary>
    private static XElement Write11(SoapVersion version, RpcFault fault, string applicationNamespace, XElement? detail)
    {
        var code = "soap:" + version.CodeName(fault.Code);
        var subcode = fault.Subcode is null ? null : new XAttribute(XNamespace.Get(applicationNamespace) + SubcodeAttribute, fault.Subcode);
        return new XElement(
            version.Fault,
            new XElement("faultcode", code),
            new XElement("faultstring", EchoedText.XmlSafe(fault.Message)),
            detail is null && subcode is null ? null : new XElement("detail", subcode, detail));
    }

    /// <summary>SOAP 1.2: <c>Code/Value</c> with an optional <c>Subcode</c>, <c>Reason/Text</c>, <c>Detail</c>, all qualified.</summary>
    private static XElement Write12(SoapVersion version, RpcFault fault, string applicationNamespace, XElement? detail)
    {
        var ns = version.Namespace;
        var code = new XElement(ns + "Code", new XElement(ns + "Value", "soap:" + version.CodeName(fault.Code)));
        if (fault.Subcode is not null)
        {
            code.Add(new XElement(ns + "Subcode", new XElement(ns + "Value", new XAttribute(XNamespace.Xmlns + "app", applicationNamespace), "app:" + fault.Subcode)));
        }

        return new XElement(
            version.Fault,
            code,
            new XElement(ns + "Reason", new XElement(ns + "Text", new XAttribute(XmlNs + "lang", "en"), EchoedText.XmlSafe(fault.Message))),
            detail is null ? null : new XElement(ns + "Detail", detail));
    }
}
