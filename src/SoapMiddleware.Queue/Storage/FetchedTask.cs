using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Queue.Storage;

/// <summary>
/// A task leased to a worker, which records its own outcome (Hangfire's <c>IFetchedJob</c>): each method changes the
/// task only while <see cref="WorkerId"/> still holds it, and answers <see langword="false"/> when it no longer does
/// (the lease was taken over, or the task finished or was deleted): then the worker drops the task and its result.
/// Many successes at once are recorded faster with <see cref="ITaskQueue.CompleteAsync"/>.
/// </summary>
public abstract class FetchedTask
{
    /// <summary>Wraps a delivery leased to <paramref name="workerId"/>.</summary>
    /// <param name="delivery">What the storage read for the task.</param>
    /// <param name="workerId">The worker (or process) the task was leased to.</param>
    protected FetchedTask(DeliveredTask delivery, string workerId)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        Delivery = delivery;
        WorkerId = workerId;
    }

    /// <summary>What the storage handed out.</summary>
    public DeliveredTask Delivery { get; }

    /// <summary>The storage's task id.</summary>
    public long Id => Delivery.Id;

    /// <summary>The task's public handle.</summary>
    public string Handle => Delivery.Handle;

    /// <summary>The stored call.</summary>
    public QueuedCall Call => Delivery.Call;

    /// <summary>The attempt this delivery is (1 for the first).</summary>
    public int Attempt => Delivery.Attempt;

    /// <summary>
    /// The worker that records for the task: first the process that fetched it (<c>{host}:{pid}:{tag}</c>), then the
    /// worker of that process that runs it (<c>{process}/{n}</c>), which the task then names. Both hold the task.
    /// </summary>
    public string WorkerId { get; set; }

    /// <summary>Extends the lease; <see langword="false"/> when the task is no longer this worker's: cancel the call.</summary>
    public abstract Task<bool> RenewLeaseAsync(TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Marks the task <see cref="QueuedTaskState.Succeeded"/> with its result.</summary>
    public abstract Task<bool> CompleteAsync(byte[]? result, string? resultContentType, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed attempt and its <paramref name="outcome"/> (<see cref="TaskOutcome.Rejected"/>,
    /// <see cref="TaskOutcome.Failed"/> or <see cref="TaskOutcome.WillRetry"/>): with <paramref name="retryAt"/> the task
    /// is scheduled again then, without it the task is <see cref="QueuedTaskState.Failed"/>.
    /// </summary>
    public abstract Task<bool> FailAsync(TaskOutcome outcome, byte[]? fault, string reason, DateTimeOffset? retryAt, CancellationToken cancellationToken = default);

    /// <summary>Puts the task back to <see cref="QueuedTaskState.Enqueued"/> without counting the attempt (graceful shutdown).</summary>
    public abstract Task<bool> ReleaseAsync(string reason, CancellationToken cancellationToken = default);

    /// <summary>Stores the progress the running method reports.</summary>
    public abstract Task<bool> ReportProgressAsync(int percent, string? message, CancellationToken cancellationToken = default);

    /// <summary>This task's success, for <see cref="ITaskQueue.CompleteAsync"/>.</summary>
    public TaskCompletion Completion(byte[]? result, string? resultContentType) => new(Id, WorkerId, result, resultContentType);
}
