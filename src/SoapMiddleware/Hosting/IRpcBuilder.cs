using Microsoft.Extensions.DependencyInjection;

namespace SoapMiddleware;

/// <summary>Returned by <c>AddRpc</c>: features chain on it (<c>.AddService&lt;T&gt;()</c>, <c>.AddQueue(...)</c>).</summary>
public interface IRpcBuilder
{
    /// <summary>The application's service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// Exposes the <see cref="RpcServiceAttribute"/> class <typeparamref name="TService"/> in the default application
    /// (the one <c>UseRpc(path)</c> and the queue serve) and registers it scoped, unless already registered.
    /// </summary>
    IRpcBuilder AddService<TService>() where TService : class;
}
