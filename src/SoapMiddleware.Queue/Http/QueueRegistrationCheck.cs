using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Queue.Producer;

namespace SoapMiddleware.Queue.Http;

/// <summary>
/// Checks, when a queue surface is mapped, that <c>AddQueue()</c> registered the queue. Without this the app starts and
/// every request to the surface is a 500 ("Unable to resolve service for type ... RpcQueue"), long after startup.
/// </summary>
internal static class QueueRegistrationCheck
{
    /// <summary>Throws an <see cref="InvalidOperationException"/> naming the missing call, or returns when the queue is registered.</summary>
    /// <param name="services">The application's services (<c>IEndpointRouteBuilder.ServiceProvider</c>).</param>
    /// <param name="mapping">The mapping call that needs the queue, for the message.</param>
    public static void EnsureAdded(IServiceProvider services, string mapping)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registered = services.GetService<IServiceProviderIsService>() is { } isService
            ? isService.IsService(typeof(RpcQueue))
            : services.GetService<IRpcQueue>() is not null;
        if (!registered)
        {
            throw new InvalidOperationException(
                $"{mapping} needs the durable queue, but it is not registered: call builder.Services.AddRpc().AddQueue() " +
                "(package SoapMiddleware.Queue) before builder.Build().");
        }
    }
}
