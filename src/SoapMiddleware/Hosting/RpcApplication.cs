using Microsoft.Extensions.Logging;
using SoapMiddleware.Description;
using SoapMiddleware.Interface;
using SoapMiddleware.Model;
using SoapMiddleware.Pipeline;
using SoapMiddleware.Protocols;
using SoapMiddleware.Protocols.HttpRpc;
using SoapMiddleware.Protocols.Json;
using SoapMiddleware.Protocols.Soap;

namespace SoapMiddleware;

/// <summary>
/// A set of services exposed together (Spyne's <c>Application</c>): one namespace, one type model,
/// one WSDL, the protocols that read and write its calls and the pipeline that runs them.
/// Built once at startup from the services registered with <c>AddRpc().AddService&lt;T&gt;()</c>.
/// </summary>
public sealed class RpcApplication
{
    private readonly Dictionary<string, RpcOperation> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RpcOperation> _byAction = new(StringComparer.Ordinal);

    private readonly List<IRpcProtocol> _protocols = [];

    internal RpcApplication(string name, RpcOptions options, IEnumerable<Type> serviceTypes, RpcServiceRegistry registry, ILoggerFactory loggerFactory, IServiceProvider? services = null)
    {
        Name = name;
        Options = options;
        var types = serviceTypes.Distinct().ToList();
        Namespace = NamespaceOf(types, registry, options);
        Model = new TypeModel(Namespace);
        Serializer = new XmlModelSerializer(Model);
        Services = types.Select(t => ServiceDescriptionBuilder.Build(t, Model, registry.ContractReaders)).ToList();
        foreach (var operation in Services.SelectMany(s => s.Operations))
        {
            if (!_byName.TryAdd(operation.Name, operation))
            {
                throw new InvalidOperationException(
                    $"Operation '{operation.Name}' is declared by both '{_byName[operation.Name].Service.Name}' and '{operation.Service.Name}' in the application '{name}'. Map the services at separate paths or rename one operation.");
            }

            _byAction.TryAdd(operation.Action, operation);
        }

        new Diagnostics.CallObserver(loggerFactory.CreateLogger("SoapMiddleware.Calls"), options).Attach(Events);
        ApplicationComposer.Compose(this, registry);

        Soap11 = new SoapProtocol(this, SoapVersion.Soap11);
        Soap12 = new SoapProtocol(this, SoapVersion.Soap12);
        Json = new JsonProtocol(this);
        HttpRpc = new HttpRpcProtocol(this, Json);

        // The built-in protocols are registered like a user's, first; then the ones added with AddProtocol<T>().
        _protocols.AddRange([Soap11, Soap12, Json, HttpRpc]);
        foreach (var type in registry.Protocols)
        {
            var protocol = (IRpcProtocol)(services is null
                ? Activator.CreateInstance(type, this)!
                : Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance(services, type, this));
            if (FindProtocol(protocol.Name) is { } taken)
            {
                throw new InvalidOperationException($"Two protocols are named '{protocol.Name}': {taken.GetType().Name} and {type.Name}. Protocol names must be unique.");
            }

            _protocols.Add(protocol);
        }
        Documents = new InterfaceDocuments(this);
        Pipeline = new RpcPipeline(this, new Events.RpcEventDispatcher(Events, loggerFactory.CreateLogger("SoapMiddleware.Events")), loggerFactory.CreateLogger("SoapMiddleware.Pipeline"));
    }

    /// <summary>The application's name: its WSDL <c>wsdl:definitions/@name</c>.</summary>
    public string Name { get; }

    /// <summary>The target namespace: <c>Rpc:Namespace</c>, or the namespace the services' contracts declare (WCF <c>[ServiceContract]</c>).</summary>
    public string Namespace { get; }

    /// <summary>The application's options.</summary>
    public RpcOptions Options { get; }

    /// <summary>The services, in registration order.</summary>
    public IReadOnlyList<RpcServiceDescription> Services { get; }

    /// <summary>Every operation of every service.</summary>
    public IEnumerable<RpcOperation> Operations => _byName.Values;

    /// <summary>Application-level listeners: they fire first, before service- and method-level ones.</summary>
    public RpcEvents Events { get; } = new();

    /// <summary>The protocols this application reads and writes, in order: SOAP 1.1, SOAP 1.2, JSON, HTTP RPC, then those added with <c>AddProtocol&lt;T&gt;()</c>.</summary>
    public IReadOnlyList<IRpcProtocol> Protocols => _protocols;

    /// <summary>The pipeline every transport runs calls through.</summary>
    public RpcPipeline Pipeline { get; }

    internal InterfaceDocuments Documents { get; }

    internal TypeModel Model { get; }

    internal XmlModelSerializer Serializer { get; }

    internal SoapProtocol Soap11 { get; }

    internal SoapProtocol Soap12 { get; }

    internal JsonProtocol Json { get; }

    internal HttpRpcProtocol HttpRpc { get; }

    /// <summary>The HTTP endpoints mapped with a protocol other than SOAP, in mapping order, for the OpenAPI document.</summary>
    internal List<RpcMappedEndpoint> HttpEndpoints { get; } = [];

    /// <summary>
    /// Notes an HTTP mapping for the OpenAPI document: every endpoint that reads a protocol other than SOAP (the WSDL
    /// describes SOAP), with the protocols it reads and writes, so the document lists what is mapped and nothing else.
    /// </summary>
    internal void RecordMapping(string pattern, RpcProtocolMapping mapping)
    {
        pattern = pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;
        if (mapping.In.All(p => p is SoapProtocol) || HttpEndpoints.Any(e => e.Pattern == pattern))
        {
            return;
        }

        HttpEndpoints.Add(new RpcMappedEndpoint(pattern, mapping));
    }

    // One application, one namespace: contracts that declare theirs (WCF) set it, and must agree with each other.
    private static string NamespaceOf(List<Type> types, RpcServiceRegistry registry, RpcOptions options)
    {
        var declared = types.Select(t => (Type: t, Reader: registry.ReaderOf(t))).Where(t => t.Reader is not null)
            .Select(t => (t.Type, Namespace: t.Reader!.NamespaceOf(t.Type))).ToList();
        if (declared.Count == 0)
        {
            return options.Namespace;
        }

        var first = declared[0];
        var other = declared.FirstOrDefault(d => d.Namespace != first.Namespace);
        if (other.Type is not null || (declared.Count < types.Count && first.Namespace != options.Namespace))
        {
            var with = other.Type is null ? $"Rpc:Namespace '{options.Namespace}' of the other services" : $"'{other.Namespace}' of '{other.Type.FullName}'";
            throw new InvalidOperationException(
                $"The contract '{first.Type.FullName}' declares the namespace '{first.Namespace}', which differs from {with} in the same application. An application has one namespace: map the contract alone with MapRpc<{first.Type.Name}>(path), or align the namespaces.");
        }

        return first.Namespace;
    }

    /// <summary>Finds an operation by name, or returns null.</summary>
    public RpcOperation? FindOperation(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Finds the operation a service method implements, or returns null.</summary>
    public RpcOperation? FindOperation(System.Reflection.MethodInfo method)
        => _byName.Values.FirstOrDefault(o => o.Method.MethodHandle == method.MethodHandle && o.Method.Module == method.Module);

    /// <summary>Finds a protocol by its name (<c>soap11</c>, <c>json</c>, ...), or returns null.</summary>
    public IRpcProtocol? FindProtocol(string name)
    {
        foreach (var protocol in _protocols)
        {
            if (string.Equals(protocol.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return protocol;
            }
        }

        return null;
    }

    /// <summary>
    /// Serializes a call of <paramref name="operation"/> as a client of <paramref name="protocol"/> would send it: the
    /// bytes, content type and action. The queue's producer stores exactly this. The built-in <c>soap11</c> (the
    /// default), <c>soap12</c> and <c>json</c> write requests, and so does any protocol that implements
    /// <see cref="IRpcRequestWriter"/>.
    /// </summary>
    /// <param name="operation">The operation to call.</param>
    /// <param name="arguments">The wire arguments, in the order of <see cref="RpcOperation"/>'s request parts.</param>
    /// <param name="protocol">The protocol's name; null for SOAP 1.1.</param>
    /// <exception cref="ArgumentException">The protocol is unknown, or cannot write requests.</exception>
    public (byte[] Payload, string ContentType, string Action) SerializeRequest(RpcOperation operation, object?[] arguments, string? protocol = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var chosen = protocol is null ? Soap11 : FindProtocol(protocol)
            ?? throw new ArgumentException($"Unknown protocol '{protocol}'; this application has {string.Join(", ", _protocols.Select(p => p.Name))}.", nameof(protocol));
        if (chosen is not IRpcRequestWriter writer)
        {
            throw new ArgumentException($"The protocol '{protocol}' cannot write requests (it does not implement IRpcRequestWriter).", nameof(protocol));
        }

        var (payload, contentType) = writer.WriteRequest(operation, arguments);
        return (payload, contentType, operation.Action);
    }

    /// <summary>The application's own string for a known SOAPAction, or null: lets a transport name the action without copying it.</summary>
    internal string? KnownAction(ReadOnlySpan<char> action)
        => _byAction.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(action, out var known, out _) ? known : null;

    /// <summary>Finds an operation by its SOAPAction, or returns null.</summary>
    public RpcOperation? FindOperationByAction(string action) => _byAction.GetValueOrDefault(action);

    /// <summary>
    /// Chooses the protocol that reads a request body with this content type, in registration order: SOAP 1.1 for
    /// <c>text/xml</c>, SOAP 1.2 for <c>application/soap+xml</c>, JSON for <c>application/json</c> (a body naming the
    /// operation, <c>{"Add": {...}}</c>), then the protocols added with <c>AddProtocol&lt;T&gt;()</c>; null when none does.
    /// </summary>
    public IRpcProtocol? SelectProtocol(string? contentType)
    {
        var mediaType = new ProtocolMediaTypes(contentType);
        foreach (var protocol in _protocols)
        {
            if (protocol.HttpBinding.RequiresContentType && mediaType.ReadBy(protocol))
            {
                return protocol;
            }
        }

        return null;
    }

    /// <summary>Creates the context of one call.</summary>
    public MethodContext CreateContext(RpcTransport transport, IServiceProvider services, ReadOnlyMemory<byte> body, string? contentType, string? action, CancellationToken cancellationToken)
    {
        var protocol = SelectProtocol(contentType);
        return CreateContext(transport, services, body, contentType, action, protocol, protocol, cancellationToken);
    }

    /// <summary>Creates the context of one call whose transport has chosen the protocols already (the HTTP handler, by its mapping).</summary>
    internal MethodContext CreateContext(RpcTransport transport, IServiceProvider services, ReadOnlyMemory<byte> body, string? contentType, string? action, IRpcProtocol? inProtocol, IRpcProtocol? outProtocol, CancellationToken cancellationToken)
        => new(this, transport, services, cancellationToken)
        {
            InString = body,
            InContentType = contentType,
            InAction = action,
            InProtocol = inProtocol,
            OutProtocol = outProtocol,
        };
}
