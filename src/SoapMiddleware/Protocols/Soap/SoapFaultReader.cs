using System.Xml.Linq;
using SoapMiddleware.Description;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// Reads a SOAP 1.1 or 1.2 <c>Fault</c> into an <see cref="RpcFaultException"/>, the reverse of <see cref="SoapFaultWriter"/>:
/// the code's local name (<c>Client</c>/<c>Sender</c>, <c>Server</c>/<c>Receiver</c>, WCF's dotted <c>Client.X</c> too),
/// the subcode (SOAP 1.2 <c>Subcode/Value</c>, SOAP 1.1 <c>detail/@tns:FaultSubcode</c> or a <c>faultcode</c> outside the
/// envelope's namespace, such as <c>wsse:FailedAuthentication</c>), and the detail, read with the
/// operation's declared fault type whose element it is.
/// </summary>
internal static class SoapFaultReader
{
    public static RpcFaultException Read(SoapVersion version, RpcDescription description, RpcOperation operation, XElement fault)
    {
        string code, message;
        string? subcode;
        XElement? detail;
        if (version.Is12)
        {
            var ns = version.Namespace;
            var codeElement = fault.Element(ns + "Code");
            code = (string?)codeElement?.Element(ns + "Value") ?? "";
            subcode = LocalName((string?)codeElement?.Element(ns + "Subcode")?.Element(ns + "Value"));
            message = (string?)fault.Element(ns + "Reason")?.Elements(ns + "Text").FirstOrDefault() ?? "";
            detail = fault.Element(ns + "Detail");
        }
        else
        {
            code = (string?)fault.Element("faultcode") ?? "";
            message = (string?)fault.Element("faultstring") ?? "";
            detail = fault.Element("detail");
            subcode = LocalName(detail?.Attributes().FirstOrDefault(a => a.Name.LocalName == SoapFaultWriter.SubcodeAttribute)?.Value)
                ?? ForeignCode(fault.Element("faultcode"), code, version);
        }

        var content = detail?.Elements().FirstOrDefault();
        var raw = detail is null || !detail.Nodes().Any() ? null : string.Concat(detail.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
        return new RpcFaultException(CodeOf(LocalName(code) ?? ""), message, subcode, TypedDetail(description, operation, content), raw, operation.Name);
    }

    /// <summary>The detail read with the declared fault type whose element it is; null when none is declared or it does not read.</summary>
    private static object? TypedDetail(RpcDescription description, RpcOperation operation, XElement? content)
    {
        if (content is null)
        {
            return null;
        }

        foreach (var type in operation.FaultDetails)
        {
            if (content.Name.LocalName == type.ItemName && content.Name.Namespace == Model.XmlNames.ElementNamespaceOf(type, description.Namespace))
            {
                try
                {
                    return description.Serializer.ReadValue(content, type);
                }
                catch (RpcFault)
                {
                    // A detail that does not match its declared type is still in RawDetail; the fault itself is what matters.
                    return null;
                }
            }
        }

        return null;
    }

    // Client, Sender, WCF's "Client.Authentication": the first dotted segment of the local name says who is to blame.
    private static RpcFaultCode CodeOf(string code) => code.Split('.')[0] switch
    {
        "Client" or "Sender" => RpcFaultCode.Client,
        "MustUnderstand" => RpcFaultCode.MustUnderstand,
        "VersionMismatch" => RpcFaultCode.VersionMismatch,
        _ => RpcFaultCode.Server,
    };

    /// <summary>
    /// A SOAP 1.1 faultcode outside the envelope's namespace (WS-Security's <c>wsse:FailedAuthentication</c>, WCF's
    /// <c>a:DeserializationFailed</c>): SOAP 1.2 would carry it as the subcode, so it is read as one.
    /// </summary>
    private static string? ForeignCode(XElement? element, string code, SoapVersion version)
    {
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (element is null || colon <= 0)
        {
            return null;
        }

        var ns = element.GetNamespaceOfPrefix(code[..colon].Trim());
        return ns is null || ns == version.Namespace ? null : LocalName(code);
    }

    private static string? LocalName(string? qualified)
    {
        if (string.IsNullOrWhiteSpace(qualified))
        {
            return null;
        }

        var trimmed = qualified.Trim();
        return trimmed[(trimmed.IndexOf(':') + 1)..];
    }
}
