using System.Data.Common;

namespace SoapMiddleware.Queue.Storage;

/// <summary>Tasks by id: enqueue (one or a batch), read, retry, delete, and purge finished ones.</summary>
public interface ITaskStore
{
    /// <summary>Stores a task and wakes waiting workers; returns its id (the first task's id for a repeated idempotency key).</summary>
    Task<long> EnqueueAsync(NewQueuedTask task, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a task on the caller's <paramref name="connection"/> within <paramref name="transaction"/>: it exists (and
    /// workers are woken) only if the caller commits. The connection must reach the queue's database and schema. A
    /// storage that cannot join a caller's transaction throws <see cref="NotSupportedException"/> (the default).
    /// </summary>
    /// <returns>The task's id (the first task's id for a repeated idempotency key).</returns>
    Task<long> EnqueueAsync(NewQueuedTask task, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default)
        => throw new NotSupportedException("This queue storage cannot enqueue inside a caller's transaction; the PostgreSQL storage can (AddQueue().UsePostgreSql(connectionString)).");

    /// <summary>Stores several tasks in one transaction; returns their ids in input order.</summary>
    Task<IReadOnlyList<long>> EnqueueBatchAsync(IReadOnlyList<NewQueuedTask> tasks, CancellationToken cancellationToken = default);

    /// <summary>Everything stored about a task, or <see langword="null"/> when there is no such task.</summary>
    Task<QueuedTaskInfo?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The state transitions of a task, oldest first.</summary>
    Task<IReadOnlyList<TaskHistoryEntry>> GetHistoryAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Enqueues a succeeded, failed or deleted task again with its attempts reset; <see langword="false"/> for other states.</summary>
    Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Marks a task <see cref="QueuedTaskState.Deleted"/> (kept for history); a running task's next lease renewal fails.</summary>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes up to <paramref name="maxCount"/> Succeeded or Deleted tasks that finished before
    /// <paramref name="finishedBefore"/>, with their history, and the rows of stopped or dead workers last seen before
    /// it. Failed tasks are kept: they wait for a person. Returns the number of tasks deleted.
    /// </summary>
    Task<int> PurgeAsync(DateTimeOffset finishedBefore, int maxCount, CancellationToken cancellationToken = default);
}
