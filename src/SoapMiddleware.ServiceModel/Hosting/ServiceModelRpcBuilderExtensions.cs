using Microsoft.Extensions.DependencyInjection.Extensions;
using SoapMiddleware;
using SoapMiddleware.ServiceModel.Contracts;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds WCF <c>[ServiceContract]</c> services to the RPC toolkit: the one-line move from SoapCore or WCF.</summary>
public static class ServiceModelRpcBuilderExtensions
{
    /// <summary>
    /// Exposes the WCF contract <typeparamref name="TContract"/> (a <c>[ServiceContract]</c> interface), implemented by
    /// <typeparamref name="TImplementation"/> (registered scoped, resolved per call), in the default application, like
    /// <c>AddService&lt;T&gt;()</c>: served by <c>UseRpc</c>, the queue, JSON and HTTP RPC. Map it alone, with its own
    /// WSDL, with <c>app.MapRpc&lt;TContract&gt;("/Service.svc")</c>. The contract is validated when its application is
    /// built (at startup); anything the toolkit cannot serve as WCF would is an error naming the member and the attribute.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddRpc()</c>.</param>
    /// <param name="events">Optional: adds service-level listeners (they fire after application-level ones).</param>
    public static IRpcBuilder AddService<TContract, TImplementation>(this IRpcBuilder builder, Action<RpcEvents>? events = null)
        where TContract : class
        where TImplementation : class, TContract
    {
        builder.AddServiceContract<TContract, TImplementation>();
        return builder.AddService<TContract>(events);
    }

    /// <summary>
    /// Registers the WCF contract <typeparamref name="TContract"/> and its implementation for <c>app.MapRpc&lt;TContract&gt;(path)</c>
    /// only: it does not join the default application (use this beside services in another namespace, whose operations
    /// would collide with the contract's).
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddRpc()</c>.</param>
    public static IRpcBuilder AddServiceContract<TContract, TImplementation>(this IRpcBuilder builder)
        where TContract : class
        where TImplementation : class, TContract
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!typeof(TContract).IsDefined(typeof(System.ServiceModel.ServiceContractAttribute), false))
        {
            throw new InvalidOperationException($"'{typeof(TContract).FullName}' is not marked [ServiceContract]; for an [RpcService] class call AddService<{typeof(TContract).Name}>().");
        }

        builder.Services.TryAddScoped<TContract, TImplementation>();
        return builder.AddContractReader(new ServiceContractReader());
    }
}
