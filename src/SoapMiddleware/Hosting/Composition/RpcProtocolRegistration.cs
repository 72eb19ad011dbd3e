using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Description;
using SoapMiddleware.Protocols;
using SoapMiddleware.Protocols.HttpRpc;
using SoapMiddleware.Protocols.Json;
using SoapMiddleware.Protocols.Soap;

namespace SoapMiddleware;

/// <summary>
/// A protocol the registry creates for each application, from the description it serves, the options and DI: the
/// built-in ones first (SOAP 1.1, SOAP 1.2, JSON, HTTP RPC), then those added with <c>AddProtocol&lt;T&gt;()</c>.
/// </summary>
/// <param name="Type">The protocol's type: a protocol is added once.</param>
/// <param name="Create">Creates it for one description.</param>
internal sealed record RpcProtocolRegistration(Type Type, Func<IServiceProvider, RpcDescription, RpcOptions, IRpcProtocol> Create)
{
    /// <summary>The built-in protocols, in their order.</summary>
    public static IEnumerable<RpcProtocolRegistration> BuiltIn { get; } =
    [
        new(typeof(SoapProtocol), (_, description, options) => new SoapProtocol(description, options, SoapVersion.Soap11)),
        new(typeof(SoapProtocol), (_, description, options) => new SoapProtocol(description, options, SoapVersion.Soap12)),
        new(typeof(JsonProtocol), (_, description, options) => new JsonProtocol(description, options)),
        new(typeof(HttpRpcProtocol), (_, description, options) => new HttpRpcProtocol(description, new JsonProtocol(description, options))),
    ];

    /// <summary>A user's protocol: constructed through DI, its constructor may take the <see cref="RpcDescription"/> and any service.</summary>
    public static RpcProtocolRegistration Of<TProtocol>() where TProtocol : class, IRpcProtocol
        => new(typeof(TProtocol), (services, description, _) => ActivatorUtilities.CreateInstance<TProtocol>(services, description));
}
