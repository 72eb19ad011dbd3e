using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>A <c>wsdl:port</c>, as written.</summary>
internal sealed record PortDefinition(string Name, XmlQualifiedName Binding, string? Address, XElement Element, Uri Document);
