using SoapMiddleware.Client.Wsdl;

namespace SoapMiddleware.Tool.Inspect;

/// <summary>A description with each operation's signature worked out once, for the text and JSON printers.</summary>
internal sealed class DescriptionReport
{
    private IReadOnlyList<WsdlWarning>? _warnings;

    public DescriptionReport(WsdlDescription description)
    {
        Description = description;
        var signatures = new SignatureReader(description.Schemas, Prefixes);
        foreach (var service in description.Services)
        {
            foreach (var port in service.Ports)
            {
                Operations[port] = port.Operations.Select(operation => new OperationReport(
                    operation,
                    signatures.Parameters(operation.Input, operation.Style),
                    signatures.Parameters(operation.Output, operation.Style),
                    operation.Input?.Headers.Select(signatures.Part).ToList() ?? [],
                    operation.Faults.Select(f => new Parameter(f.Name, f.Detail is { } detail ? signatures.Part(detail).Type : "")).ToList())).ToList();
            }
        }
    }

    public WsdlDescription Description { get; }

    /// <summary>The import's warnings and the mapping's of every SOAP port.</summary>
    public IReadOnlyList<WsdlWarning> Warnings => _warnings ??= PortMapping.Warnings(Description);

    public Prefixes Prefixes { get; } = new();

    public Dictionary<WsdlPort, IReadOnlyList<OperationReport>> Operations { get; } = new(ReferenceEqualityComparer.Instance);
}
