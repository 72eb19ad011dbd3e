using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>Reads a <c>wsdl:binding</c> and its SOAP 1.1, SOAP 1.2 or HTTP extension elements.</summary>
internal static class BindingReader
{
    public static BindingDefinition Read(XElement binding, XmlQualifiedName name, XmlQualifiedName portType, Uri document, QNames names)
    {
        var (protocol, style) = ReadProtocol(binding);
        var operations = new List<BindingOperation>();
        foreach (var operation in binding.Elements(WsdlNames.Operation))
        {
            var extension = operation.Elements().FirstOrDefault(e => e.Name.LocalName == "operation" && e.Name.Namespace != WsdlNames.Wsdl);
            var action = extension?.Attribute("soapAction")?.Value ?? extension?.Attribute("location")?.Value;
            var faultUses = new Dictionary<string, BodyUse>();
            foreach (var fault in operation.Elements(WsdlNames.Fault))
            {
                var soapFault = fault.Elements().FirstOrDefault(e => e.Name.LocalName == "fault");
                faultUses[fault.Attribute("name")?.Value ?? ""] = ReadUse(soapFault);
            }

            operations.Add(new BindingOperation(
                operation.Attribute("name")?.Value ?? "",
                action,
                ReadStyle(extension),
                ReadMessage(operation.Element(WsdlNames.Input), document, names),
                ReadMessage(operation.Element(WsdlNames.Output), document, names),
                faultUses,
                operation));
        }

        return new BindingDefinition(name, portType, protocol, style ?? OperationStyle.Document, operations, binding, document);
    }

    private static (WsdlBindingProtocol, OperationStyle?) ReadProtocol(XElement binding)
    {
        foreach (var extension in binding.Elements())
        {
            if (extension.Name.LocalName != "binding")
            {
                continue;
            }

            if (extension.Name.Namespace == WsdlNames.Soap11)
            {
                return (WsdlBindingProtocol.Soap11, ReadStyle(extension));
            }

            if (extension.Name.Namespace == WsdlNames.Soap12)
            {
                return (WsdlBindingProtocol.Soap12, ReadStyle(extension));
            }

            if (extension.Name.Namespace == WsdlNames.Http)
            {
                var post = string.Equals(extension.Attribute("verb")?.Value, "POST", StringComparison.OrdinalIgnoreCase);
                return (post ? WsdlBindingProtocol.HttpPost : WsdlBindingProtocol.HttpGet, null);
            }
        }

        return (WsdlBindingProtocol.Other, null);
    }

    private static OperationStyle? ReadStyle(XElement? extension) => extension?.Attribute("style")?.Value switch
    {
        "rpc" => OperationStyle.Rpc,
        "document" => OperationStyle.Document,
        _ => null,
    };

    private static BodyUse ReadUse(XElement? extension) =>
        extension?.Attribute("use")?.Value == "encoded" ? BodyUse.Encoded : BodyUse.Literal;

    private static BindingMessage? ReadMessage(XElement? message, Uri document, QNames names)
    {
        if (message is null)
        {
            return null;
        }

        // Descendants, not children: under MIME (mime:multipartRelated/mime:part) the soap:body sits deeper.
        XElement? body = null;
        var headers = new List<(XmlQualifiedName, string, bool)>();
        foreach (var element in message.Descendants())
        {
            if (element.Name.Namespace != WsdlNames.Soap11 && element.Name.Namespace != WsdlNames.Soap12)
            {
                continue;
            }

            if (element.Name.LocalName == "body")
            {
                body ??= element;
            }
            else if (element.Name.LocalName == "header"
                && names.ReadReference(element, "message", document) is { } headerMessage
                && element.Attribute("part")?.Value is { } part)
            {
                headers.Add((headerMessage, part, element.Attribute(WsdlNames.Required)?.Value is "true" or "1"));
            }
        }

        var parts = body?.Attribute("parts")?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new BindingMessage(message.Attribute("name")?.Value, ReadUse(body), body?.Attribute("namespace")?.Value, parts, headers);
    }
}
