using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.InMemory.Tests;

/// <summary>Worker rows, fan-out cursors, recurring calls and the monitoring reads.</summary>
internal sealed partial class InMemoryQueueStorage
{
    private readonly SortedDictionary<string, WorkerStatus> _workers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Subscriber, string Queue), long> _cursors = [];
    private readonly SortedDictionary<string, RecurringRow> _recurring = new(StringComparer.Ordinal);

    public Task HeartbeatWorkerAsync(WorkerStatus status, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _workers[status.WorkerId] = status with { HeartbeatAt = time.GetUtcNow() };

            // The task the worker's row says it runs names that worker from now on.
            if (status.CurrentTaskId is { } handle && TaskHandle.TryParse(handle, out long id, out _) && Held(id, status.WorkerId) is { } row)
            {
                row.NameWorker(status.WorkerId);
            }

            return Task.CompletedTask;
        }
    }

    public Task<int> MarkDeadWorkersAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        int marked;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var dead = _workers.Values.Where(w => w.State is WorkerState.Idle or WorkerState.Processing && w.HeartbeatAt < now - timeout).ToList();
            foreach (var worker in dead)
            {
                _workers[worker.WorkerId] = worker with { State = WorkerState.Dead };
                foreach (var row in _tasks.Values.Where(t => t.State == QueuedTaskState.Processing && t.WorkerId == worker.WorkerId))
                {
                    row.LeaseUntil = row.DueAt = now;
                    row.Record(now, QueuedTaskState.Processing, worker.WorkerId, TaskReasons.WorkerDead(worker.WorkerId));
                }
            }

            marked = dead.Count;
        }

        if (marked > 0)
        {
            _signal.Pulse();
        }

        return Task.FromResult(marked);
    }

    public Task<long> GetSubscriptionCursorAsync(string subscriber, string queue, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_cursors.GetValueOrDefault((subscriber, queue)));
        }
    }

    public Task<IReadOnlyList<DeliveredTask>> FetchForSubscriberAsync(string subscriber, string queue, long afterId, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DeliveredTask>>(_tasks.Values
                .Where(t => t.Call.Queue == queue && t.Id > afterId && t.State != QueuedTaskState.Deleted)
                .Take(maxCount).Select(t => t.Delivery(leased: false)).ToList());
        }
    }

    public Task AdvanceSubscriptionCursorAsync(string subscriber, string queue, long taskId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _cursors[(subscriber, queue)] = Math.Max(_cursors.GetValueOrDefault((subscriber, queue)), taskId);
            return Task.CompletedTask;
        }
    }

    public Task UpsertRecurringAsync(RecurringRow row, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // Replacing a definition keeps what it already did.
            _recurring[row.Id] = _recurring.TryGetValue(row.Id, out var old) ? row with { LastRunAt = old.LastRunAt, LastTaskId = old.LastTaskId } : row;
            return Task.CompletedTask;
        }
    }

    public Task<bool> RemoveRecurringAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_recurring.Remove(id));
        }
    }

    public Task<IReadOnlyList<RecurringRow>> ListRecurringAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<RecurringRow>>([.. _recurring.Values]);
        }
    }

    public Task<IReadOnlyList<RecurringRow>> GetDueRecurringAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<RecurringRow>>(_recurring.Values
                .Where(r => r.NextRunAt <= now).OrderBy(r => r.NextRunAt).ThenBy(r => r.Id, StringComparer.Ordinal).Take(maxCount).ToList());
        }
    }

    public Task<long?> TriggerRecurringAsync(string id, DateTimeOffset expectedNextRun, DateTimeOffset? nextRun, NewQueuedTask task, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // The compare-and-set on the next run is what makes an occurrence exactly-once.
            if (!_recurring.TryGetValue(id, out var row) || row.NextRunAt != expectedNextRun)
            {
                return Task.FromResult<long?>(null);
            }

            var taskId = Insert(task);
            _recurring[id] = row with { NextRunAt = nextRun, LastRunAt = time.GetUtcNow(), LastTaskId = TaskHandle.Format(taskId, task.Secret) };
            _signal.Pulse();
            return Task.FromResult<long?>(taskId);
        }
    }

    public Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(TaskRowReader.ReadStats(_tasks.Values
                .GroupBy(t => (t.Call.Queue, t.State)).Select(g => (g.Key.Queue, g.Key.State, (long)g.Count())).ToList()));
        }
    }

    public Task<IReadOnlyList<QueuedTaskInfo>> ListAsync(QueuedTaskState? state, string? queue, int skip, int take, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<QueuedTaskInfo>>(_tasks.Values.Reverse()
                .Where(t => (state is null || t.State == state) && (queue is null || t.Call.Queue == queue))
                .Skip(skip).Take(take).Select(t => t.Info(withBytes: false)).ToList());
        }
    }

    public Task<IReadOnlyList<WorkerStatus>> GetWorkersAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<WorkerStatus>>([.. _workers.Values]);
        }
    }
}
