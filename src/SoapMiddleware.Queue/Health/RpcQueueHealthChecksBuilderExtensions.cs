using Microsoft.Extensions.Diagnostics.HealthChecks;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Health;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the queue to ASP.NET Core health checks.</summary>
public static class RpcQueueHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check of the queue (either engine): its storage is readable (else Unhealthy), a worker is alive where this
    /// process runs workers, and the oldest enqueued call is younger than <see cref="RpcQueueHealthCheckOptions.MaxEnqueuedAge"/>
    /// (else Degraded). Map it with <c>app.MapHealthChecks("/health")</c>.
    /// </summary>
    public static IHealthChecksBuilder AddRpcQueue(this IHealthChecksBuilder builder, string name = "rpc-queue", Action<RpcQueueHealthCheckOptions>? configure = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<RpcQueueHealthCheckOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder.Add(new HealthCheckRegistration(
            name,
            sp => ActivatorUtilities.CreateInstance<RpcQueueHealthCheck>(sp),
            failureStatus: HealthStatus.Unhealthy,
            tags: tags));
    }
}
