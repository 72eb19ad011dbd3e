using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>Reads the messages, port types, bindings and services of one <c>wsdl:definitions</c> into <see cref="Definitions"/>.</summary>
internal sealed class DefinitionsReader(Definitions definitions, QNames names, WarningSink warnings)
{
    public void Read(XElement root, Uri document)
    {
        var tns = root.Attribute("targetNamespace")?.Value ?? "";
        foreach (var element in root.Elements())
        {
            var name = element.Attribute("name")?.Value;
            if (element.Name == WsdlNames.Message && name is not null)
            {
                definitions.Messages[new XmlQualifiedName(name, tns)] = ReadParts(element, document);
                definitions.MessageLocations[new XmlQualifiedName(name, tns)] = (document, element);
            }
            else if (element.Name == WsdlNames.PortType && name is not null)
            {
                definitions.PortTypes[new XmlQualifiedName(name, tns)] = ReadPortType(element, document);
            }
            else if (element.Name == WsdlNames.Binding && name is not null)
            {
                if (names.ReadReference(element, "type", document) is { } portType)
                {
                    definitions.Bindings[new XmlQualifiedName(name, tns)] = BindingReader.Read(element, new XmlQualifiedName(name, tns), portType, document, names);
                }
                else
                {
                    warnings.Add($"binding '{name}' has no type (port type); skipped", document, element);
                }
            }
            else if (element.Name == WsdlNames.Service && name is not null)
            {
                definitions.Services.Add(new ServiceDefinition(name, ReadPorts(element, document)));
            }
            else if (element.Name.Namespace == WsdlNames.Wsdl
                && element.Name.LocalName is not ("types" or "import" or "documentation" or "message" or "portType" or "binding" or "service"))
            {
                warnings.Add($"wsdl:{element.Name.LocalName} is not part of WSDL 1.1; skipped", document, element);
            }
            else if (element.Name.Namespace == WsdlNames.Wsdl && element.Name.LocalName is "message" or "portType" or "binding" or "service")
            {
                warnings.Add($"wsdl:{element.Name.LocalName} without a name; skipped", document, element);
            }
        }
    }

    private IReadOnlyList<WsdlPart> ReadParts(XElement message, Uri document)
    {
        var parts = new List<WsdlPart>();
        foreach (var part in message.Elements(WsdlNames.Part))
        {
            var element = names.Read(part, "element", document);
            var type = element is null ? names.Read(part, "type", document) : null;
            if (element is null && type is null)
            {
                warnings.Add($"part '{part.Attribute("name")?.Value}' names neither an element nor a type; read as xsd:anyType", document, part);
                type = Schema.XsdNames.AnyType;
            }

            parts.Add(new WsdlPart { Name = part.Attribute("name")?.Value ?? "", Element = element, Type = type });
        }

        return parts;
    }

    private List<PortTypeOperation> ReadPortType(XElement portType, Uri document)
    {
        var operations = new List<PortTypeOperation>();
        foreach (var operation in portType.Elements(WsdlNames.Operation))
        {
            var faults = new List<(string, XmlQualifiedName)>();
            foreach (var fault in operation.Elements(WsdlNames.Fault))
            {
                if (names.ReadReference(fault, "message", document) is { } message)
                {
                    faults.Add((fault.Attribute("name")?.Value ?? message.Name, message));
                }
            }

            operations.Add(new PortTypeOperation(
                operation.Attribute("name")?.Value ?? "",
                ReadMessageRef(operation.Element(WsdlNames.Input), document),
                ReadMessageRef(operation.Element(WsdlNames.Output), document),
                faults,
                operation,
                document));
        }

        return operations;
    }

    private MessageRef? ReadMessageRef(XElement? element, Uri document) =>
        element is not null && names.ReadReference(element, "message", document) is { } message
            ? new MessageRef(message, element.Attribute("name")?.Value)
            : null;

    private List<PortDefinition> ReadPorts(XElement service, Uri document)
    {
        var ports = new List<PortDefinition>();
        foreach (var port in service.Elements(WsdlNames.Port))
        {
            if (names.ReadReference(port, "binding", document) is not { } binding)
            {
                warnings.Add($"port '{port.Attribute("name")?.Value}' has no binding; skipped", document, port);
                continue;
            }

            var address = port.Elements().FirstOrDefault(e => e.Name.LocalName == "address")?.Attribute("location")?.Value;
            ports.Add(new PortDefinition(port.Attribute("name")?.Value ?? "", binding, address, port, document));
        }

        return ports;
    }
}
