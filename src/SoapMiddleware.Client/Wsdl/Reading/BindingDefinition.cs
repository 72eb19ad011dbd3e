using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>A <c>wsdl:binding</c>, as written.</summary>
internal sealed record BindingDefinition(
    XmlQualifiedName Name,
    XmlQualifiedName PortType,
    WsdlBindingProtocol Protocol,
    OperationStyle Style,
    IReadOnlyList<BindingOperation> Operations,
    XElement Element,
    Uri Document);
