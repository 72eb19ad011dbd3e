
namespace SoapMiddleware.Queue.Engine;

/// <summary>
/// What a queue engine does (the built-in one, Hangfire). <see cref="IRpcQueue"/> and <see cref="IRpcQueueMonitor"/>
/// sit on top: they turn typed calls into <see cref="QueuedCall"/>s once, and every engine gets the same input. Handles
/// are the engine's business but always unguessable (<see cref="TaskHandle"/>); an unknown or forged handle reads as
/// no task. Storage failures on enqueue are <see cref="QueueUnavailableException"/>.
/// </summary>
internal interface IQueueEngine
{
    /// <summary><c>Builtin</c> or <c>Hangfire</c>.</summary>
    string Name { get; }

    /// <summary>Stores the call; returns its handle, or the earlier task's handle for a repeated idempotency key with the same request.</summary>
    Task<string> EnqueueAsync(QueuedCall call, CancellationToken cancellationToken);

    Task<QueuedTaskInfo?> GetAsync(string handle, CancellationToken cancellationToken);

    Task<IReadOnlyList<TaskHistoryEntry>> GetHistoryAsync(string handle, CancellationToken cancellationToken);

    Task<bool> RetryAsync(string handle, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string handle, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a recurring call; the cron expression is already checked.</summary>
    Task AddOrUpdateRecurringAsync(string recurringId, QueuedCall call, string cron, TimeZoneInfo timeZone, CancellationToken cancellationToken);

    Task<bool> RemoveRecurringAsync(string recurringId, CancellationToken cancellationToken);

    Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<QueuedTaskInfo>> ListAsync(QueuedTaskState? state, string? queue, int skip, int take, CancellationToken cancellationToken);

    Task<IReadOnlyList<WorkerStatus>> GetWorkersAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<RecurringCallInfo>> ListRecurringAsync(CancellationToken cancellationToken);
}
