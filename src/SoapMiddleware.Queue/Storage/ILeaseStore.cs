namespace SoapMiddleware.Queue.Storage;

/// <summary>
/// A storage's writes on one leased task, named by its id and the worker that holds it: each applies only while that
/// worker (or its process, or one of its workers: see <see cref="WorkerIds"/>) still holds the task, and answers
/// <see langword="false"/> otherwise. <see cref="LeasedTask"/> forwards a <see cref="FetchedTask"/>'s outcome here, so a
/// storage that implements this needs no fetched-task class of its own.
/// </summary>
public interface ILeaseStore
{
    /// <summary>Extends the task's lease to <paramref name="lease"/> from now.</summary>
    Task<bool> RenewLeaseAsync(long id, string workerId, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt (see <see cref="FetchedTask.FailAsync"/>).</summary>
    Task<bool> FailAsync(long id, string workerId, TaskOutcome outcome, byte[]? fault, string reason, DateTimeOffset? retryAt, CancellationToken cancellationToken = default);

    /// <summary>Puts the task back without counting the attempt (see <see cref="FetchedTask.ReleaseAsync"/>).</summary>
    Task<bool> ReleaseAsync(long id, string workerId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Stores the progress the running method reports.</summary>
    Task<bool> ReportProgressAsync(long id, string workerId, int percent, string? message, CancellationToken cancellationToken = default);
}
