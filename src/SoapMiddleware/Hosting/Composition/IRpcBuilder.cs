using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Protocols;

namespace SoapMiddleware;

/// <summary>Returned by <c>AddRpc</c>: features chain on it (<c>.AddService&lt;T&gt;()</c>, <c>.AddCallWrapper&lt;T&gt;()</c>, <c>.AddQueue(...)</c>).</summary>
public interface IRpcBuilder
{
    /// <summary>The application's service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// Exposes the <see cref="RpcServiceAttribute"/> class <typeparamref name="TService"/> in the default application
    /// (the one <c>UseRpc(path)</c> and the queue serve) and registers it scoped, unless already registered.
    /// </summary>
    /// <param name="events">Optional: adds service-level listeners (they fire after application-level ones).</param>
    IRpcBuilder AddService<TService>(Action<RpcEvents>? events = null) where TService : class;

    /// <summary>
    /// Adds a wrapper around every call. Wrappers run in registration order, outermost first; each is resolved from
    /// the call's services (registered scoped unless you registered it yourself).
    /// </summary>
    IRpcBuilder AddCallWrapper<TWrapper>() where TWrapper : class, ICallWrapper;

    /// <summary>Sets the application-level wrapper (Spyne's <c>Application.call_wrapper</c>), the outermost of all.</summary>
    IRpcBuilder UseApplicationCallWrapper<TWrapper>() where TWrapper : RpcApplicationCallWrapper;

    /// <summary>
    /// Adds a protocol (Spyne's <c>in_protocol</c>/<c>out_protocol</c>) to every application: created once per
    /// application, its constructor may take the <see cref="Description.RpcDescription"/> it serves and any DI service. Map it by name:
    /// <c>app.MapRpc&lt;T&gt;("/calc", p =&gt; p.In("soap11", "msgpack").Out("soap11", "msgpack"))</c>; the queue's enqueue
    /// endpoint accepts its content type too.
    /// </summary>
    IRpcBuilder AddProtocol<TProtocol>() where TProtocol : class, IRpcProtocol;

    /// <summary>
    /// Adds a reader of another contract model than <see cref="RpcServiceAttribute"/> (WCF's <c>[ServiceContract]</c>,
    /// in SoapMiddleware.ServiceModel): service types it reads are described by it, before the built-in reader is tried.
    /// A second reader of the same type is ignored, so a package may add its reader from each of its extensions.
    /// </summary>
    /// <param name="reader">The reader; it is shared by every application and must be safe for concurrent use.</param>
    IRpcBuilder AddContractReader(Description.IServiceContractReader reader);

    /// <summary>Adds application-level listeners (typed events or <see cref="RpcEvents.AddListener(string, RpcEventHandler)"/>).</summary>
    IRpcBuilder ConfigureEvents(Action<RpcEvents> configure);
}
