using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Workers;

/// <summary>
/// Every third of a lease: renews the lease of every task this process holds (a "no" means the task was deleted or
/// taken over, and its method is cancelled), writes each worker's row, and marks workers of any process that stopped
/// beating as dead, which releases their tasks. A storage error never stops the loop: the leases decide.
/// </summary>
internal sealed class WorkerHeartbeat(IWorkerStore storage, RpcQueueOptions options, TimeProvider time, ILogger logger)
{
    public async Task RunAsync(ConcurrentDictionary<long, HeldTask> held, IReadOnlyList<WorkerActivity> slots, CancellationToken stop)
    {
        var interval = TimeSpan.FromTicks(Math.Max(options.LeaseTimeout.Ticks / 3, TimeSpan.FromMilliseconds(200).Ticks));
        while (!stop.IsCancellationRequested)
        {
            foreach (var task in held.Values)
            {
                await StorageCall.TryAsync(logger, "lease renewal", async () =>
                {
                    if (!await task.Task.RenewLeaseAsync(options.LeaseTimeout).ConfigureAwait(false))
                    {
                        task.Lose();
                    }
                }).ConfigureAwait(false);
            }

            var now = time.GetUtcNow();
            foreach (var slot in slots)
            {
                await StorageCall.TryAsync(logger, "worker row", () => storage.HeartbeatWorkerAsync(slot.Snapshot(now))).ConfigureAwait(false);
            }

            await StorageCall.TryAsync(logger, "dead worker check", async () =>
            {
                var dead = await storage.MarkDeadWorkersAsync(options.EffectiveDeadWorkerTimeout).ConfigureAwait(false);
                if (dead > 0)
                {
                    QueueLog.DeadWorkers(logger, dead);
                }
            }).ConfigureAwait(false);

            await Task.Delay(interval, time, stop).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }
}
