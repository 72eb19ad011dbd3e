using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace SoapMiddleware.Queue.Health;

/// <summary>
/// The queue's health, on either engine: Unhealthy when its storage cannot be read; Degraded when this process should
/// run workers and none is alive, or when the oldest enqueued call has waited longer than
/// <see cref="RpcQueueHealthCheckOptions.MaxEnqueuedAge"/>; Healthy otherwise. The data says what was seen.
/// </summary>
internal sealed class RpcQueueHealthCheck(IRpcQueueMonitor monitor, IOptions<RpcQueueOptions> queue, IOptions<RpcQueueHealthCheckOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        QueueStats stats;
        IReadOnlyList<WorkerStatus> workers;
        try
        {
            stats = await monitor.GetStatsAsync(cancellationToken).ConfigureAwait(false);
            workers = await monitor.GetWorkersAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The {monitor.Engine} queue's storage cannot be read: {ex.Message}", ex);
        }

        var enqueued = stats.Count(QueuedTaskState.Enqueued);
        var alive = workers.Count(w => w.State is WorkerState.Idle or WorkerState.Processing);
        var data = new Dictionary<string, object>
        {
            ["engine"] = monitor.Engine,
            ["enqueued"] = enqueued,
            ["processing"] = stats.Count(QueuedTaskState.Processing),
            ["failed"] = stats.Count(QueuedTaskState.Failed),
            ["workersAlive"] = alive,
        };

        if (enqueued > 0)
        {
            // Lists are newest first: the last of the enqueued is the oldest.
            var oldest = await monitor.ListAsync(QueuedTaskState.Enqueued, null, (int)Math.Min(enqueued - 1, int.MaxValue), 1, cancellationToken).ConfigureAwait(false);
            if (oldest.Count == 1)
            {
                var age = time.GetUtcNow() - oldest[0].CreatedAt;
                data["oldestEnqueuedSeconds"] = Math.Round(age.TotalSeconds, 1);
                if (age > options.Value.MaxEnqueuedAge)
                {
                    return HealthCheckResult.Degraded($"The oldest enqueued call has waited {age:g} (more than {options.Value.MaxEnqueuedAge:g}).", data: data);
                }
            }
        }

        if (queue.Value.Role != QueueRole.Web && queue.Value.Workers > 0 && alive == 0)
        {
            return HealthCheckResult.Degraded("No queue worker is alive.", data: data);
        }

        return HealthCheckResult.Healthy($"{monitor.Engine} queue: {enqueued} enqueued, {alive} workers alive.", data);
    }
}
