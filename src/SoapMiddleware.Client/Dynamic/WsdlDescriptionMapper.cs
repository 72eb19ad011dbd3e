using SoapMiddleware.Client.Wsdl;
using SoapMiddleware.Description;
using SoapMiddleware.Description.Schema;

namespace SoapMiddleware.Client.Dynamic;

/// <summary>
/// Turns one SOAP port of an imported WSDL into a description the client calls: the port named by the options, or
/// the first SOAP 1.1 or 1.2 port of the service named (of the first service with one). An operation that cannot be
/// mapped is left out with a warning; the others are callable.
/// </summary>
internal static class WsdlDescriptionMapper
{
    public static MappedPort Map(WsdlDescription wsdl, string? serviceName, string? portName)
    {
        ArgumentNullException.ThrowIfNull(wsdl);
        var (service, port) = Choose(wsdl, serviceName, portName);
        var warnings = new MappingWarnings(wsdl.Location);
        var builder = new SchemaDescriptionBuilder(service.Name, wsdl.TargetNamespace);
        var types = new SchemaTypeMapper(wsdl.Schemas, builder, warnings);
        var operations = new OperationMapper(types, wsdl.TargetNamespace);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in port.Operations)
        {
            using var at = warnings.At(operation.Source);
            if (!names.Add(operation.Name))
            {
                warnings.Add($"The operation '{operation.Name}' of port '{port.Name}' is overloaded; only its first binding is callable.");
                continue;
            }

            try
            {
                if (operations.Map(operation) is { } mapped)
                {
                    builder.AddOperation(service.Name, mapped);
                }
            }
            catch (Exception ex) when (ex is ArgumentException or System.Xml.XmlException)
            {
                // A name the schema spells wrong (a space in an element name) leaves that operation out, not the port.
                warnings.Add($"The operation '{operation.Name}' cannot be mapped: {ex.Message}");
            }
        }

        return new MappedPort(builder.Build(), service, port, [.. wsdl.Warnings, .. warnings.All]);
    }

    private static (WsdlService Service, WsdlPort Port) Choose(WsdlDescription wsdl, string? serviceName, string? portName)
    {
        var services = serviceName is null ? wsdl.Services : wsdl.Services.Where(s => s.Name == serviceName).ToList();
        if (services.Count == 0)
        {
            throw new InvalidOperationException($"The WSDL {wsdl.Location} has no service '{serviceName}'; it has {Names(wsdl.Services.Select(s => s.Name))}.");
        }

        foreach (var service in services)
        {
            foreach (var port in service.Ports)
            {
                if (portName is null ? port.Protocol is WsdlBindingProtocol.Soap11 or WsdlBindingProtocol.Soap12 : port.Name == portName)
                {
                    return port.Protocol is WsdlBindingProtocol.Soap11 or WsdlBindingProtocol.Soap12
                        ? (service, port)
                        : throw new InvalidOperationException($"The port '{port.Name}' of {wsdl.Location} is bound to {port.Protocol}, not SOAP; the dynamic client calls SOAP 1.1 and 1.2 ports.");
                }
            }
        }

        var ports = services.SelectMany(s => s.Ports).Select(p => $"{p.Name} ({p.Protocol})");
        throw new InvalidOperationException(portName is null
            ? $"The WSDL {wsdl.Location} has no SOAP port; its ports are {Names(ports)}."
            : $"The WSDL {wsdl.Location} has no port '{portName}'; its ports are {Names(ports)}.");
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
