using System.Xml;

namespace SoapMiddleware.Client.Wsdl;

/// <summary>A <c>wsdl:port</c>: one binding of a port type at one address.</summary>
public sealed class WsdlPort
{
    /// <summary>The port's name.</summary>
    public required string Name { get; init; }

    /// <summary>The qualified name of its <c>wsdl:binding</c>.</summary>
    public required XmlQualifiedName Binding { get; init; }

    /// <summary>The qualified name of the binding's <c>wsdl:portType</c>.</summary>
    public required XmlQualifiedName PortType { get; init; }

    /// <summary>SOAP 1.1, SOAP 1.2, HTTP GET/POST, or another binding this importer only lists.</summary>
    public required WsdlBindingProtocol Protocol { get; init; }

    /// <summary>The <c>location</c> of its <c>soap:address</c> (or <c>soap12:address</c>, <c>http:address</c>); null when absent.</summary>
    public required string? Address { get; init; }

    /// <summary>The binding's operations, in binding order.</summary>
    public required IReadOnlyList<WsdlOperation> Operations { get; init; }
}
