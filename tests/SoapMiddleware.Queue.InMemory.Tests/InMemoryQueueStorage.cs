using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.InMemory.Tests;

/// <summary>
/// A storage for the built-in engine written on the queue's public API alone, as a third party would write one: every
/// task in a dictionary under one lock, the same transitions, reasons and worker-id rule as the SQL storages. It proves
/// the storage contract (<see cref="IQueueStorage"/> and its parts, <see cref="FetchedTask"/>, the rows) is enough.
/// </summary>
internal sealed partial class InMemoryQueueStorage(TimeProvider time)
    : IQueueStorage, ITaskStore, ITaskQueue, IWorkerStore, ISubscriptionStore, IRecurringStore, IMonitoringStore, ILeaseStore
{
    private readonly object _gate = new();
    private readonly SortedDictionary<long, TaskRow> _tasks = [];
    private readonly Dictionary<string, long> _keys = new(StringComparer.Ordinal);
    private readonly WorkSignal _signal = new(time);
    private long _lastId;

    public string Name => "memory";

    public ITaskStore Tasks => this;

    public ITaskQueue Queue => this;

    public IWorkerStore Workers => this;

    public ISubscriptionStore Subscriptions => this;

    public IRecurringStore Recurring => this;

    public IMonitoringStore Monitoring => this;

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<long> EnqueueAsync(NewQueuedTask task, CancellationToken cancellationToken = default)
    {
        long id;
        lock (_gate)
        {
            id = Insert(task);
        }

        _signal.Pulse();
        return Task.FromResult(id);
    }

    public async Task<IReadOnlyList<long>> EnqueueBatchAsync(IReadOnlyList<NewQueuedTask> tasks, CancellationToken cancellationToken = default)
    {
        var ids = new List<long>(tasks.Count);
        foreach (var task in tasks)
        {
            ids.Add(await EnqueueAsync(task, cancellationToken));
        }

        return ids;
    }

    public Task<QueuedTaskInfo?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_tasks.TryGetValue(id, out var row) ? row.Info(withBytes: true) : null);
        }
    }

    public Task<IReadOnlyList<TaskHistoryEntry>> GetHistoryAsync(long id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<TaskHistoryEntry>>(_tasks.TryGetValue(id, out var row) ? [.. row.History] : []);
        }
    }

    public Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_tasks.TryGetValue(id, out var row) || row.State < QueuedTaskState.Succeeded)
            {
                return Task.FromResult(false);
            }

            var now = time.GetUtcNow();
            row.State = QueuedTaskState.Enqueued;
            row.Attempt = 0;
            row.DueAt = now;
            row.NotBefore = row.LeaseUntil = row.StartedAt = row.FinishedAt = null;
            row.Result = row.Fault = null;
            row.ResultContentType = row.ProgressMessage = null;
            row.ProgressPercent = null;
            row.Outcome = null;
            row.Record(now, QueuedTaskState.Enqueued, null, TaskReasons.RetriedByUser);
        }

        _signal.Pulse();
        return Task.FromResult(true);
    }

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_tasks.TryGetValue(id, out var row) || row.State == QueuedTaskState.Deleted)
            {
                return Task.FromResult(false);
            }

            var now = time.GetUtcNow();
            row.State = QueuedTaskState.Deleted;
            row.LeaseUntil = row.DueAt = null;
            row.FinishedAt = now;
            row.Outcome = TaskOutcome.Deleted;
            row.Record(now, QueuedTaskState.Deleted, null, TaskReasons.DeletedByUser);
            return Task.FromResult(true);
        }
    }

    public Task<int> PurgeAsync(DateTimeOffset finishedBefore, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var old = _tasks.Values
                .Where(t => t.State is QueuedTaskState.Succeeded or QueuedTaskState.Deleted && (t.FinishedAt ?? t.CreatedAt) < finishedBefore)
                .Take(maxCount).Select(t => t.Id).ToList();
            old.ForEach(id => _tasks.Remove(id));
            foreach (var gone in _workers.Values.Where(w => w.State is WorkerState.Stopped or WorkerState.Dead && w.HeartbeatAt < finishedBefore).ToList())
            {
                _workers.Remove(gone.WorkerId);
            }

            return Task.FromResult(old.Count);
        }
    }

    /// <summary>Stores a task under the lock: its handle's secret, its first state and history, an idempotency key once.</summary>
    private long Insert(NewQueuedTask task)
    {
        if (task.Call.IdempotencyKey is { } key && _keys.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var now = time.GetUtcNow();
        var columns = QueuedRow.From(task, UnixTime.ToMs(now));
        var row = new TaskRow(++_lastId, task.Secret, task.Call, now)
        {
            State = columns.State,
            DueAt = UnixTime.FromMs(columns.DueAt),
            NotBefore = columns.NotBefore is { } notBefore ? UnixTime.FromMs(notBefore) : null,
        };
        row.Record(now, columns.State, null, columns.Reason);
        _tasks.Add(row.Id, row);
        if (task.Call.IdempotencyKey is { } newKey)
        {
            _keys.Add(newKey, row.Id);
        }

        return row.Id;
    }
}
