using Microsoft.Extensions.Logging;
using SoapMiddleware.Description;
using SoapMiddleware.Interface;
using SoapMiddleware.Model;
using SoapMiddleware.Pipeline;
using SoapMiddleware.Protocols;

namespace SoapMiddleware;

/// <summary>
/// A set of services exposed together (Spyne's <c>Application</c>): a thin composition of the service description
/// (one namespace, one type model), the protocols that read and write its calls, and the pipeline that runs them.
/// Built once at startup from the services registered with <c>AddRpc().AddService&lt;T&gt;()</c>.
/// </summary>
public sealed class RpcApplication
{
    private readonly List<IRpcProtocol> _protocols = [];

    internal RpcApplication(RpcDescription description, RpcOptions options, RpcServiceRegistry registry, ILoggerFactory loggerFactory, IServiceProvider services)
    {
        Description = description;
        Options = options;
        new Diagnostics.CallObserver(loggerFactory.CreateLogger("SoapMiddleware.Calls"), options).Attach(Events);
        ApplicationComposer.Compose(this, registry);

        // The built-in protocols are registered like a user's, first; then the ones added with AddProtocol<T>().
        foreach (var registration in registry.Protocols)
        {
            var protocol = registration.Create(services, description, options);
            if (FindProtocol(protocol.Name) is { } taken)
            {
                throw new InvalidOperationException($"Two protocols are named '{protocol.Name}': {taken.GetType().Name} and {registration.Type.Name}. Protocol names must be unique.");
            }

            _protocols.Add(protocol);
        }

        var events = new Events.RpcEventDispatcher(Events, loggerFactory.CreateLogger("SoapMiddleware.Events"));
        Documents = new InterfaceDocuments(description, events);
        Pipeline = new RpcPipeline(_protocols[0], events, loggerFactory.CreateLogger("SoapMiddleware.Pipeline"));
    }

    /// <summary>What the services declare: namespace, types, operations. Protocols and documents read only this.</summary>
    public RpcDescription Description { get; }

    /// <summary>The application's name: its WSDL <c>wsdl:definitions/@name</c>.</summary>
    public string Name => Description.Name;

    /// <summary>The target namespace: <c>Rpc:Namespace</c>, or the namespace the services' contracts declare (WCF <c>[ServiceContract]</c>).</summary>
    public string Namespace => Description.Namespace;

    /// <summary>The application's options.</summary>
    public RpcOptions Options { get; }

    /// <summary>The services, in registration order.</summary>
    public IReadOnlyList<RpcServiceDescription> Services => Description.Services;

    /// <summary>Every operation of every service.</summary>
    public IEnumerable<RpcOperation> Operations => Description.Operations;

    /// <summary>Application-level listeners: they fire first, before service- and method-level ones.</summary>
    public RpcEvents Events { get; } = new();

    /// <summary>The protocols this application reads and writes, in order: SOAP 1.1, SOAP 1.2, JSON, HTTP RPC, then those added with <c>AddProtocol&lt;T&gt;()</c>.</summary>
    public IReadOnlyList<IRpcProtocol> Protocols => _protocols;

    /// <summary>The pipeline every transport runs calls through.</summary>
    public RpcPipeline Pipeline { get; }

    internal InterfaceDocuments Documents { get; }

    internal TypeModel Model => Description.Model;

    internal XmlModelSerializer Serializer => Description.Serializer;

    /// <summary>Finds an operation by name, or returns null.</summary>
    public RpcOperation? FindOperation(string name) => Description.FindOperation(name);

    /// <summary>Finds the operation a service method implements, or returns null.</summary>
    public RpcOperation? FindOperation(System.Reflection.MethodInfo method) => Description.FindOperation(method);

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
        var chosen = FindProtocol(protocol ?? "soap11")
            ?? throw new ArgumentException($"Unknown protocol '{protocol}'; this application has {string.Join(", ", _protocols.Select(p => p.Name))}.", nameof(protocol));
        if (chosen is not IRpcRequestWriter writer)
        {
            throw new ArgumentException($"The protocol '{protocol}' cannot write requests (it does not implement IRpcRequestWriter).", nameof(protocol));
        }

        var (payload, contentType) = writer.WriteRequest(operation, arguments);
        return (payload, contentType, operation.Action);
    }

    /// <summary>Finds an operation by its SOAPAction, or returns null.</summary>
    public RpcOperation? FindOperationByAction(string action) => Description.FindOperationByAction(action);

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
        => new(Description, transport, services, cancellationToken)
        {
            InString = body,
            InContentType = contentType,
            InAction = action,
            InProtocol = inProtocol,
            OutProtocol = outProtocol,
        };
}
