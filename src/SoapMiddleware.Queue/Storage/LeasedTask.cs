namespace SoapMiddleware.Queue.Storage;

/// <summary>
/// The <see cref="FetchedTask"/> of a storage that implements <see cref="ILeaseStore"/> (SQLite, PostgreSQL, or your
/// own): each outcome is forwarded to the storage with the task's id and holder; a success goes through
/// <see cref="ITaskQueue.CompleteAsync"/>, as batched successes do.
/// </summary>
/// <param name="store">The storage's per-task writes.</param>
/// <param name="queue">The storage's work queue, which records successes.</param>
/// <param name="delivery">What the storage read for the task.</param>
/// <param name="workerId">The worker (or process) the task was leased to.</param>
public sealed class LeasedTask(ILeaseStore store, ITaskQueue queue, DeliveredTask delivery, string workerId) : FetchedTask(delivery, workerId)
{
    /// <inheritdoc/>
    public override Task<bool> RenewLeaseAsync(TimeSpan lease, CancellationToken cancellationToken = default)
        => store.RenewLeaseAsync(Id, WorkerId, lease, cancellationToken);

    /// <inheritdoc/>
    public override async Task<bool> CompleteAsync(byte[]? result, string? resultContentType, CancellationToken cancellationToken = default)
        => await queue.CompleteAsync([Completion(result, resultContentType)], cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public override Task<bool> FailAsync(TaskOutcome outcome, byte[]? fault, string reason, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
        => store.FailAsync(Id, WorkerId, outcome, fault, reason, retryAt, cancellationToken);

    /// <inheritdoc/>
    public override Task<bool> ReleaseAsync(string reason, CancellationToken cancellationToken = default)
        => store.ReleaseAsync(Id, WorkerId, reason, cancellationToken);

    /// <inheritdoc/>
    public override Task<bool> ReportProgressAsync(int percent, string? message, CancellationToken cancellationToken = default)
        => store.ReportProgressAsync(Id, WorkerId, percent, message, cancellationToken);
}
