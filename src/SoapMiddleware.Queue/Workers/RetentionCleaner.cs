using Microsoft.Extensions.Logging;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Workers;

/// <summary>
/// Keeps the store from growing forever (Hangfire expires succeeded jobs the same way): every few minutes, deletes
/// Succeeded and Deleted tasks older than <see cref="RpcQueueOptions.Retention"/> with their history, and the rows of
/// workers gone for that long. Failed tasks stay until a person retries or deletes them.
/// </summary>
internal sealed class RetentionCleaner(ITaskStore storage, RpcQueueOptions options, TimeProvider time, ILogger logger)
{
    private const int Batch = 1000;

    public async Task RunAsync(CancellationToken stop)
    {
        if (options.Retention <= TimeSpan.Zero)
        {
            return;
        }

        var interval = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, Math.Max(options.Retention.Ticks / 4, TimeSpan.FromSeconds(1).Ticks)));
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(interval, time, stop).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            if (stop.IsCancellationRequested)
            {
                // Shutting down: a purge now would only be cancelled, and its exception would end the workers' shutdown early.
                return;
            }

            try
            {
                var cutoff = time.GetUtcNow() - options.Retention;
                int purged, total = 0;
                do
                {
                    purged = await storage.PurgeAsync(cutoff, Batch, stop).ConfigureAwait(false);
                    total += purged;
                }
                while (purged == Batch && !stop.IsCancellationRequested);

                if (total > 0)
                {
                    QueueLog.Purged(logger, total, options.Retention);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                QueueLog.StorageFailed(logger, "retention cleanup", interval, ex);
            }
        }
    }
}
