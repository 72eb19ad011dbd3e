namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>A <c>wsdl:service</c>, as written.</summary>
internal sealed record ServiceDefinition(string Name, IReadOnlyList<PortDefinition> Ports);
