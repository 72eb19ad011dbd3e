using System.Reflection;
using SoapMiddleware.Model;

namespace SoapMiddleware.Description;

/// <summary>
/// What a set of services declares, and nothing about who serves it (Spyne's <c>Interface</c>): the target namespace,
/// the type model, the services with their operations (messages, headers, faults, actions) and their SOAP binding
/// names. Built once, from C# types by <see cref="RpcDescriptionBuilder"/> today, and read by the protocols, the
/// interface documents and the pipeline; a client reads the same object, so nothing here knows about a server.
/// </summary>
public sealed class RpcDescription
{
    private readonly Dictionary<string, RpcOperation> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RpcOperation> _byAction = new(StringComparer.Ordinal);

    /// <summary>
    /// Indexes <paramref name="services"/>, described with <paramref name="model"/>: the shape a WSDL importer builds too.
    /// Two operations of one name fail, naming both services.
    /// </summary>
    internal RpcDescription(string name, TypeModel model, IReadOnlyList<RpcServiceDescription> services)
    {
        Name = name;
        Namespace = model.TargetNamespace;
        Model = model;
        Serializer = new XmlModelSerializer(model);
        Services = services;
        foreach (var operation in services.SelectMany(s => s.Operations))
        {
            if (!_byName.TryAdd(operation.Name, operation))
            {
                throw new InvalidOperationException(
                    $"Operation '{operation.Name}' is declared by both '{_byName[operation.Name].Service.Name}' and '{operation.Service.Name}' in the application '{name}'. Map the services at separate paths or rename one operation.");
            }

            _byAction.TryAdd(operation.Action, operation);
        }
    }

    /// <summary>The description's name: the WSDL's <c>wsdl:definitions/@name</c> and the OpenAPI document's title.</summary>
    public string Name { get; }

    /// <summary>The target namespace of the operations' messages.</summary>
    public string Namespace { get; }

    /// <summary>The services, in registration order.</summary>
    public IReadOnlyList<RpcServiceDescription> Services { get; }

    /// <summary>Every operation of every service.</summary>
    public IEnumerable<RpcOperation> Operations => _byName.Values;

    /// <summary>The types of every message, header and fault, with their XML and JSON names and rules.</summary>
    internal TypeModel Model { get; }

    /// <summary>Reads and writes the model's values as XML (SOAP bodies, the arguments' wrapper element).</summary>
    internal XmlModelSerializer Serializer { get; }

    /// <summary>Finds an operation by name, or returns null.</summary>
    public RpcOperation? FindOperation(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Finds the operation a service method implements, or returns null.</summary>
    public RpcOperation? FindOperation(MethodInfo method)
        => _byName.Values.FirstOrDefault(o => o.Method.MethodHandle == method.MethodHandle && o.Method.Module == method.Module);

    /// <summary>Finds an operation by its SOAPAction, or returns null.</summary>
    public RpcOperation? FindOperationByAction(string action) => _byAction.GetValueOrDefault(action);

    /// <summary>The description's own string for a known SOAPAction, or null: lets a transport name the action without copying it.</summary>
    internal string? KnownAction(ReadOnlySpan<char> action)
        => _byAction.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(action, out var known, out _) ? known : null;
}
