namespace SoapMiddleware.Queue.Storage;

/// <summary>Worker rows: what each worker does, kept alive by heartbeats; workers that stop beating are marked dead.</summary>
public interface IWorkerStore
{
    /// <summary>Inserts or updates a worker's row; the heartbeat time is the storage's current time.</summary>
    Task HeartbeatWorkerAsync(WorkerStatus status, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks running or idle workers whose last heartbeat is older than <paramref name="timeout"/> as dead and expires the
    /// leases of their tasks so they are fetched again; returns the number of workers marked.
    /// </summary>
    Task<int> MarkDeadWorkersAsync(TimeSpan timeout, CancellationToken cancellationToken = default);
}
