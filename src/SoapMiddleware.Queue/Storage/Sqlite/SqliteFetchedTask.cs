namespace SoapMiddleware.Queue.Storage.Sqlite;

/// <summary>A task leased from SQLite: each outcome is one write transaction, checked against the lease holder.</summary>
internal sealed class SqliteFetchedTask(SqliteQueueStorage storage, DeliveredTask delivery, string workerId) : FetchedTask(delivery, workerId)
{
    public override Task<bool> RenewLeaseAsync(TimeSpan lease, CancellationToken cancellationToken = default)
        => storage.RenewLeaseAsync(Id, WorkerId, lease, cancellationToken);

    public override async Task<bool> CompleteAsync(byte[]? result, string? resultContentType, CancellationToken cancellationToken = default)
        => await storage.CompleteAsync([Completion(result, resultContentType)], cancellationToken).ConfigureAwait(false) == 1;

    public override Task<bool> FailAsync(TaskOutcome outcome, byte[]? fault, string reason, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
        => storage.FailAsync(Id, WorkerId, outcome, fault, reason, retryAt, cancellationToken);

    public override Task<bool> ReleaseAsync(string reason, CancellationToken cancellationToken = default)
        => storage.ReleaseAsync(Id, WorkerId, reason, cancellationToken);

    public override Task<bool> ReportProgressAsync(int percent, string? message, CancellationToken cancellationToken = default)
        => storage.ReportProgressAsync(Id, WorkerId, percent, message, cancellationToken);
}
