using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>An operation of a <c>wsdl:portType</c>, as written.</summary>
internal sealed record PortTypeOperation(
    string Name,
    MessageRef? Input,
    MessageRef? Output,
    IReadOnlyList<(string Name, XmlQualifiedName Message)> Faults,
    XElement Element,
    Uri Document);
