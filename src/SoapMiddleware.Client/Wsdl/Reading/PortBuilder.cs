using System.Xml;
using SoapMiddleware.Client.Wsdl.Schema;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>
/// Joins each port's binding with its port type's operations and messages into <see cref="WsdlPort"/>s; what does
/// not join (a missing binding, port type, message or part) is a warning at the reference, and the rest is built.
/// </summary>
internal sealed class PortBuilder(Definitions definitions, XsdSchemaSet schemas, WarningSink warnings)
{
    // Operations by name per port type: a binding of n operations then joins in O(n), not O(n²).
    private readonly Dictionary<XmlQualifiedName, ILookup<string, PortTypeOperation>> _byName = [];

    public WsdlService Build(ServiceDefinition service) => new()
    {
        Name = service.Name,
        Ports = service.Ports.Select(BuildPort).OfType<WsdlPort>().ToList(),
    };

    private WsdlPort? BuildPort(PortDefinition port)
    {
        if (!definitions.Bindings.TryGetValue(port.Binding, out var binding))
        {
            warnings.Add($"port '{port.Name}': binding {port.Binding} is not defined; port skipped", port.Document, port.Element);
            return null;
        }

        if (!_byName.TryGetValue(binding.PortType, out var portType) && definitions.PortTypes.TryGetValue(binding.PortType, out var list))
        {
            portType = list.ToLookup(o => o.Name, StringComparer.Ordinal);
            _byName[binding.PortType] = portType;
        }

        if (portType is null)
        {
            warnings.Add($"binding {binding.Name}: port type {binding.PortType} is not defined; port '{port.Name}' skipped", binding.Document, binding.Element);
            return null;
        }

        var operations = new List<WsdlOperation>();
        foreach (var operation in binding.Operations)
        {
            var abstractOperation = FindOperation(portType, operation);
            if (abstractOperation is null)
            {
                warnings.Add($"binding operation '{operation.Name}' is not in port type {binding.PortType}; skipped", binding.Document, operation.Element);
                continue;
            }

            operations.Add(BuildOperation(binding, operation, abstractOperation));
        }

        return new WsdlPort
        {
            Name = port.Name,
            Binding = binding.Name,
            PortType = binding.PortType,
            Protocol = binding.Protocol,
            Address = port.Address,
            Operations = operations,
        };
    }

    private static PortTypeOperation? FindOperation(ILookup<string, PortTypeOperation> portType, BindingOperation operation)
    {
        PortTypeOperation? found = null;
        foreach (var candidate in portType[operation.Name])
        {
            // Overloads share a name and differ by their input/output names.
            if (found is null || (operation.Input?.Name is { } input && candidate.Input?.Name == input))
            {
                found = candidate;
            }
        }

        return found;
    }

    private WsdlOperation BuildOperation(BindingDefinition binding, BindingOperation operation, PortTypeOperation abstractOperation)
    {
        var style = operation.Style ?? binding.Style;
        var input = BuildMessage(abstractOperation.Input, operation.Input, abstractOperation);
        var faults = new List<WsdlFault>();
        foreach (var (name, message) in abstractOperation.Faults)
        {
            var parts = FindMessage(message, abstractOperation);
            faults.Add(new WsdlFault
            {
                Name = name,
                Message = message,
                Detail = parts is [var part, ..] ? part : null,
                Use = operation.FaultUses.GetValueOrDefault(name),
            });
        }

        return new WsdlOperation
        {
            Name = operation.Name,
            Style = style,
            SoapAction = operation.Action,
            Input = input,
            Output = BuildMessage(abstractOperation.Output, operation.Output, abstractOperation),
            Faults = faults,
            IsWrapped = style == OperationStyle.Document && IsWrapper(input, operation.Name),
            Source = SourceLocation.Of(binding.Document, operation.Element),
        };
    }

    private WsdlMessage? BuildMessage(MessageRef? reference, BindingMessage? binding, PortTypeOperation operation)
    {
        if (reference is null)
        {
            return null;
        }

        var parts = FindMessage(reference.Message, operation) ?? [];
        var body = binding?.Parts is { } named ? parts.Where(p => named.Contains(p.Name)).ToList() : parts;
        var headers = new List<WsdlPart>();
        foreach (var (message, partName, required) in binding?.Headers ?? [])
        {
            if (FindMessage(message, operation)?.FirstOrDefault(p => p.Name == partName) is { } header)
            {
                headers.Add(required ? new WsdlPart { Name = header.Name, Element = header.Element, Type = header.Type, IsRequired = true } : header);
            }
            else
            {
                warnings.Add($"operation '{operation.Name}': header part {message}/{partName} is not defined; skipped", operation.Document, operation.Element);
            }

            // A header part of the body's own message is not also a body part.
            if (message == reference.Message && binding?.Parts is null)
            {
                body = body.Where(p => p.Name != partName).ToList();
            }
        }

        return new WsdlMessage
        {
            Message = reference.Message,
            Body = body,
            Headers = headers,
            Use = binding?.Use ?? BodyUse.Literal,
            Namespace = binding?.Namespace,
        };
    }

    private IReadOnlyList<WsdlPart>? FindMessage(XmlQualifiedName message, PortTypeOperation operation)
    {
        if (definitions.Messages.TryGetValue(message, out var parts))
        {
            return parts;
        }

        warnings.Add($"operation '{operation.Name}': message {message} is not defined", operation.Document, operation.Element);
        return null;
    }

    // Document/literal wrapped: one body part whose element is named after the operation and holds a sequence of elements.
    private bool IsWrapper(WsdlMessage? input, string operation) =>
        input is { Body: [{ Element: { } element }] }
        && element.Name == operation
        && schemas.Elements.TryGetValue(element, out var declaration)
        && (declaration.AnonymousType ?? (declaration.Type is { } type ? schemas.Types.GetValueOrDefault(type) : null)) is XsdComplexType
        {
            Derivation: XsdDerivation.None,
            Attributes: [],
            Content: null or XsdGroup { Kind: XsdGroupKind.Sequence or XsdGroupKind.All },
        } wrapper
        && (wrapper.Content is null || ((XsdGroup)wrapper.Content).Items.All(i => i is XsdElement));
}
