namespace SoapMiddleware.Queue;

/// <summary>Thresholds of the queue's health check (<c>AddHealthChecks().AddRpcQueue()</c>).</summary>
public sealed class RpcQueueHealthCheckOptions
{
    /// <summary>The check is Degraded when the oldest enqueued call has waited longer than this. Default 5 minutes.</summary>
    public TimeSpan MaxEnqueuedAge { get; set; } = TimeSpan.FromMinutes(5);
}
