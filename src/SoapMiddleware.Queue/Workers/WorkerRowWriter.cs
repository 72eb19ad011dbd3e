using Microsoft.Extensions.Logging;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Workers;

/// <summary>
/// Writes a worker's row soon after it changes (took a task, reported progress, finished, stopped), so a person
/// watching the workers sees what happens within a fraction of a second, on any process. Changes are gathered for
/// <see cref="Debounce"/> and only changed rows are written, so a method reporting progress in a tight loop costs at
/// most a few writes a second.
/// </summary>
internal sealed class WorkerRowWriter(IWorkerStore storage, IReadOnlyList<WorkerActivity> slots, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);
    private readonly SemaphoreSlim _changed = new(0);
    private readonly Dictionary<WorkerActivity, long> _written = [];

    /// <summary>Called by a slot on every change.</summary>
    public void Signal()
    {
        if (_changed.CurrentCount == 0)
        {
            _changed.Release();
        }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await _changed.WaitAsync(stop).ConfigureAwait(false);
                await Task.Delay(Debounce, time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            while (_changed.CurrentCount > 0)
            {
                await _changed.WaitAsync(TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            }

            var now = time.GetUtcNow();
            foreach (var slot in slots)
            {
                var version = slot.Version;
                if (_written.TryGetValue(slot, out var written) && written == version)
                {
                    continue;
                }

                await StorageCall.TryAsync(logger, "worker row", () => storage.HeartbeatWorkerAsync(slot.Snapshot(now))).ConfigureAwait(false);
                _written[slot] = version;
            }
        }
    }
}
