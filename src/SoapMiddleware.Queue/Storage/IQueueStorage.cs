namespace SoapMiddleware.Queue.Storage;

/// <summary>
/// Durable storage of queued calls: enqueue, fetch under a lease, record outcomes, query, workers and fan-out cursors.
/// Every time comes from the storage's <see cref="TimeProvider"/>. Methods taking a worker id change a task only while
/// that worker still holds it (state <see cref="QueuedTaskState.Processing"/>). Worker ids are hierarchical: tasks are
/// fetched for a process (<c>{host}:{pid}:{tag}</c>) and run by one of its workers (<c>{process}/{n}</c>); a task held
/// by either is held by both, and the worker that reports progress, an outcome, or runs it according to its row
/// (<see cref="HeartbeatWorkerAsync"/> with <see cref="WorkerStatus.CurrentTaskId"/>) becomes the task's worker id, so a
/// task names the worker the workers list shows.
/// </summary>
public interface IQueueStorage
{
    /// <summary>Creates or migrates the schema; idempotent and safe when several processes start at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a task and wakes waiting workers; returns its id (the first task's id for a repeated idempotency key).</summary>
    Task<long> EnqueueAsync(NewQueuedTask task, CancellationToken cancellationToken = default);

    /// <summary>Stores several tasks in one transaction; returns their ids in input order.</summary>
    Task<IReadOnlyList<long>> EnqueueBatchAsync(IReadOnlyList<NewQueuedTask> tasks, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases up to <paramref name="maxCount"/> due tasks of <paramref name="queues"/> to <paramref name="workerId"/>:
    /// enqueued, scheduled and due, or processing with an expired lease. Each attempt is incremented. Ordered by due time, then id.
    /// </summary>
    Task<IReadOnlyList<FetchedTask>> FetchAsync(IReadOnlyList<string> queues, string workerId, int maxCount, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease; <see langword="false"/> when the task is no longer this worker's (taken over, finished or deleted): cancel the call.</summary>
    Task<bool> RenewLeaseAsync(long id, string workerId, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Marks tasks <see cref="QueuedTaskState.Succeeded"/> with their results; returns how many were still held by their workers and applied.</summary>
    Task<int> CompleteAsync(IReadOnlyList<TaskCompletion> completions, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed attempt: with <paramref name="retryAt"/> the task is scheduled again then, without it the task is
    /// <see cref="QueuedTaskState.Failed"/>. <see langword="false"/> when the task is no longer this worker's.
    /// </summary>
    Task<bool> FailAsync(long id, string workerId, byte[]? fault, string reason, DateTimeOffset? retryAt, CancellationToken cancellationToken = default);

    /// <summary>Puts a held task back to <see cref="QueuedTaskState.Enqueued"/> without counting the attempt (graceful shutdown).</summary>
    Task<bool> ReleaseAsync(long id, string workerId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Stores the progress the running method reports; <see langword="false"/> when the task is no longer this worker's.</summary>
    Task<bool> ReportProgressAsync(long id, string workerId, int percent, string? message, CancellationToken cancellationToken = default);

    /// <summary>Everything stored about a task, or <see langword="null"/> when there is no such task.</summary>
    Task<QueuedTaskInfo?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The state transitions of a task, oldest first.</summary>
    Task<IReadOnlyList<TaskHistoryEntry>> GetHistoryAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>A page of tasks, newest first, optionally filtered; byte columns are not loaded (use <see cref="GetAsync"/>).</summary>
    Task<IReadOnlyList<QueuedTaskInfo>> ListAsync(QueuedTaskState? state, string? queue, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>Task counts per state and per queue.</summary>
    Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>Enqueues a succeeded, failed or deleted task again with its attempts reset; <see langword="false"/> for other states.</summary>
    Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Marks a task <see cref="QueuedTaskState.Deleted"/> (kept for history); a running task's next lease renewal fails.</summary>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Inserts or updates a worker's row; the heartbeat time is the storage's current time.</summary>
    Task HeartbeatWorkerAsync(WorkerStatus status, CancellationToken cancellationToken = default);

    /// <summary>All worker rows, by worker id.</summary>
    Task<IReadOnlyList<WorkerStatus>> GetWorkersAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks running or idle workers whose last heartbeat is older than <paramref name="timeout"/> as dead and expires the
    /// leases of their tasks so they are fetched again; returns the number of workers marked.
    /// </summary>
    Task<int> MarkDeadWorkersAsync(TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes up to <paramref name="maxCount"/> Succeeded or Deleted tasks that finished before
    /// <paramref name="finishedBefore"/>, with their history, and the rows of stopped or dead workers last seen before
    /// it. Failed tasks are kept: they wait for a person. Returns the number of tasks deleted.
    /// </summary>
    Task<int> PurgeAsync(DateTimeOffset finishedBefore, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The last task id <paramref name="subscriber"/> finished in <paramref name="queue"/>; 0 when none.</summary>
    Task<long> GetSubscriptionCursorAsync(string subscriber, string queue, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tasks of <paramref name="queue"/> with an id above <paramref name="afterId"/>, in id order, in any state but deleted.
    /// They are not leased or changed: every subscriber sees every task.
    /// </summary>
    Task<IReadOnlyList<FetchedTask>> FetchForSubscriberAsync(string subscriber, string queue, long afterId, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Moves a subscriber's cursor forward to <paramref name="taskId"/>; never backwards.</summary>
    Task AdvanceSubscriptionCursorAsync(string subscriber, string queue, long taskId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns <see langword="true"/> as soon as new work may be available in <paramref name="queues"/>, or
    /// <see langword="false"/> when <paramref name="timeout"/> passes first.
    /// </summary>
    Task<bool> WaitForWorkAsync(IReadOnlyList<string> queues, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a recurring call by id (its last run is kept when it is replaced).</summary>
    Task UpsertRecurringAsync(RecurringRow row, CancellationToken cancellationToken = default);

    /// <summary>Removes a recurring call; <see langword="false"/> when there is none by that id.</summary>
    Task<bool> RemoveRecurringAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>All recurring calls, by id (payloads included).</summary>
    Task<IReadOnlyList<RecurringRow>> ListRecurringAsync(CancellationToken cancellationToken = default);

    /// <summary>Recurring calls whose next run is at or before <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<RecurringRow>> GetDueRecurringAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Enqueues one occurrence of a recurring call, exactly once however many processes try: in one transaction, moves
    /// the row's next run from <paramref name="expectedNextRun"/> to <paramref name="nextRun"/> (only if it is still
    /// <paramref name="expectedNextRun"/>), records the last run, and stores <paramref name="task"/>. Returns the new
    /// task's id, or <see langword="null"/> when another process already took this occurrence (nothing written).
    /// </summary>
    Task<long?> TriggerRecurringAsync(string id, DateTimeOffset expectedNextRun, DateTimeOffset? nextRun, NewQueuedTask task, CancellationToken cancellationToken = default);
}
