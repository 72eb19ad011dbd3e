namespace SoapMiddleware.Client.Wsdl;

/// <summary>A <c>wsdl:service</c>: a named group of ports.</summary>
public sealed class WsdlService
{
    /// <summary>The service's <c>name</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The ports, in document order.</summary>
    public required IReadOnlyList<WsdlPort> Ports { get; init; }
}
