using System.Xml.Linq;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>Writes the <c>Fault</c> element in the shape each SOAP version prescribes.</summary>
internal static class SoapFaultWriter
{
    private static readonly XNamespace XmlNs = XNamespace.Xml;

    public static XElement Write(SoapVersion version, RpcFault fault, string applicationNamespace, XElement? detail)
        => version.Is12 ? Write12(version, fault, applicationNamespace, detail) : Write11(version, fault, detail);

    /// <summary>SOAP 1.1: <c>faultcode</c> (a QName, subcode appended with a dot), <c>faultstring</c>, <c>detail</c>, all unqualified.</summary>
    private static XElement Write11(SoapVersion version, RpcFault fault, XElement? detail)
    {
        var code = "soap:" + version.CodeName(fault.Code) + (fault.Subcode is null ? string.Empty : "." + fault.Subcode);
        return new XElement(
            version.Fault,
            new XElement("faultcode", code),
            new XElement("faultstring", fault.Message),
            detail is null ? null : new XElement("detail", detail));
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
            new XElement(ns + "Reason", new XElement(ns + "Text", new XAttribute(XmlNs + "lang", "en"), fault.Message)),
            detail is null ? null : new XElement(ns + "Detail", detail));
    }
}
