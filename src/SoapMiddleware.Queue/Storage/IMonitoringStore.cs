namespace SoapMiddleware.Queue.Storage;

/// <summary>What the storage tells people: counts, pages of tasks and worker rows (Hangfire's <c>IMonitoringApi</c>).</summary>
public interface IMonitoringStore
{
    /// <summary>Task counts per state and per queue.</summary>
    Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>A page of tasks, newest first, optionally filtered; byte columns are not loaded (use <see cref="ITaskStore.GetAsync"/>).</summary>
    Task<IReadOnlyList<QueuedTaskInfo>> ListAsync(QueuedTaskState? state, string? queue, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>All worker rows, by worker id.</summary>
    Task<IReadOnlyList<WorkerStatus>> GetWorkersAsync(CancellationToken cancellationToken = default);
}
