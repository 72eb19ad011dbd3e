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

    internal RpcApplication(string name, RpcOptions options, IEnumerable<Type> serviceTypes, RpcServiceRegistry registry, ILoggerFactory loggerFactory)
    {
        Name = name;
        Options = options;
        Model = new TypeModel(options.Namespace);
        Serializer = new XmlModelSerializer(Model);
        Services = serviceTypes.Distinct().Select(t => ServiceDescriptionBuilder.Build(t, Model)).ToList();
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
        Documents = new InterfaceDocuments(this);
        Pipeline = new RpcPipeline(this, new Events.RpcEventDispatcher(Events, loggerFactory.CreateLogger("SoapMiddleware.Events")), loggerFactory.CreateLogger("SoapMiddleware.Pipeline"));
    }

    /// <summary>The application's name: its WSDL <c>wsdl:definitions/@name</c>.</summary>
    public string Name { get; }

    /// <summary>The target namespace.</summary>
    public string Namespace => Options.Namespace;

    /// <summary>The application's options.</summary>
    public RpcOptions Options { get; }

    /// <summary>The services, in registration order.</summary>
    public IReadOnlyList<RpcServiceDescription> Services { get; }

    /// <summary>Every operation of every service.</summary>
    public IEnumerable<RpcOperation> Operations => _byName.Values;

    /// <summary>Application-level listeners: they fire first, before service- and method-level ones.</summary>
    public RpcEvents Events { get; } = new();

    /// <summary>The pipeline every transport runs calls through.</summary>
    public RpcPipeline Pipeline { get; }

    internal InterfaceDocuments Documents { get; }

    internal TypeModel Model { get; }

    internal XmlModelSerializer Serializer { get; }

    internal SoapProtocol Soap11 { get; }

    internal SoapProtocol Soap12 { get; }

    internal JsonProtocol Json { get; }

    internal HttpRpcProtocol HttpRpc { get; }

    /// <summary>The prefixes mapped with <c>MapRpcJson</c>, for the OpenAPI document.</summary>
    internal List<string> JsonPrefixes { get; } = [];

    /// <summary>The prefixes mapped with <c>MapRpcHttp</c>, for the OpenAPI document.</summary>
    internal List<string> HttpRpcPrefixes { get; } = [];

    /// <summary>Finds an operation by name, or returns null.</summary>
    public RpcOperation? FindOperation(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Finds the operation a service method implements, or returns null.</summary>
    public RpcOperation? FindOperation(System.Reflection.MethodInfo method)
        => _byName.Values.FirstOrDefault(o => o.Method.MethodHandle == method.MethodHandle && o.Method.Module == method.Module);

    /// <summary>
    /// Serializes a call of <paramref name="operation"/> with the application's in protocol (SOAP 1.1): the bytes,
    /// content type and action an HTTP client would send. The queue's producer stores exactly this.
    /// </summary>
    /// <param name="operation">The operation to call.</param>
    /// <param name="arguments">The wire arguments, in the order of <see cref="RpcOperation"/>'s request parts.</param>
    public (byte[] Payload, string ContentType, string Action) SerializeRequest(RpcOperation operation, object?[] arguments)
        => (Soap11.WriteRequest(operation, arguments), SoapVersion.Soap11.ContentType + "; charset=utf-8", operation.Action);

    /// <summary>Finds an operation by its SOAPAction, or returns null.</summary>
    public RpcOperation? FindOperationByAction(string action) => _byAction.GetValueOrDefault(action);

    /// <summary>
    /// Chooses the protocol that reads a request with this content type: SOAP 1.1 for <c>text/xml</c>,
    /// SOAP 1.2 for <c>application/soap+xml</c>, JSON for <c>application/json</c> (a body naming the operation,
    /// <c>{"Add": {...}}</c>); null when none does.
    /// </summary>
    public IRpcProtocol? SelectProtocol(string? contentType)
    {
        var mediaType = SoapVersion.MediaTypeOf(contentType);
        if (string.Equals(mediaType, SoapVersion.Soap11.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return Soap11;
        }

        if (string.Equals(mediaType, SoapVersion.Soap12.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return Soap12;
        }

        return JsonProtocol.Accepts(mediaType) ? Json : null;
    }

    /// <summary>Creates the context of one call.</summary>
    public MethodContext CreateContext(RpcTransport transport, IServiceProvider services, ReadOnlyMemory<byte> body, string? contentType, string? action, CancellationToken cancellationToken)
    {
        var protocol = SelectProtocol(contentType);
        return new MethodContext(this, transport, services, cancellationToken)
        {
            InString = body,
            InContentType = contentType,
            InAction = action,
            InProtocol = protocol,
            OutProtocol = protocol,
        };
    }
}
