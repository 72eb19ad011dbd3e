using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Workers;

/// <summary>
/// Records successes in batches: while one batch is being written, the next accumulates, so under load one
/// statement completes many tasks. Until a completion is written, its task's lease keeps being renewed.
/// </summary>
internal sealed class CompletionWriter(ITaskQueue storage, ILogger logger, Action<long> written)
{
    private const int MaxBatch = 200;
    private readonly Channel<TaskCompletion> _pending = Channel.CreateUnbounded<TaskCompletion>();
    private readonly SemaphoreSlim _writing = new(1, 1);

    public void Add(TaskCompletion completion) => _pending.Writer.TryWrite(completion);

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stop).ConfigureAwait(false))
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Writes everything pending; on failure, waits and tries again (the leases keep the tasks ours meanwhile).</summary>
    public async Task FlushAsync()
    {
        await _writing.WaitAsync().ConfigureAwait(false);
        try
        {
            var batch = new List<TaskCompletion>();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            for (var attempt = 1; batch.Count > 0; attempt++)
            {
                try
                {
                    await storage.CompleteAsync(batch).ConfigureAwait(false);
                    break;
                }
                catch (Exception ex) when (attempt < 5)
                {
                    QueueLog.StorageFailed(logger, "completion", TimeSpan.FromSeconds(attempt), ex);
                    await Task.Delay(TimeSpan.FromSeconds(attempt)).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    // Give the tasks up: their leases stop being renewed, expire, and the tasks run again (at-least-once).
                    QueueLog.StorageFailed(logger, "completion (giving the batch back to its leases)", TimeSpan.Zero, ex);
                    break;
                }
            }

            foreach (var completion in batch)
            {
                written(completion.Id);
            }
        }
        finally
        {
            _writing.Release();
        }
    }
}
