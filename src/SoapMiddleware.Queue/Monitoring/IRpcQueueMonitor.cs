
namespace SoapMiddleware.Queue;

/// <summary>
/// The read side of the queue for people: counts, lists, workers and recurring calls, the same on every engine. The
/// management API and the dashboard read only this. It lists every caller's tasks with their handles, so expose it
/// only to operators (the management API is local-only unless a policy is set).
/// </summary>
public interface IRpcQueueMonitor
{
    /// <summary>The engine's name: <c>Builtin</c> or <c>Hangfire</c>.</summary>
    string Engine { get; }

    /// <summary>Task counts per state and per queue.</summary>
    Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken = default);

    /// <summary>A page of tasks, newest first, optionally filtered; payload, result and fault are not loaded.</summary>
    Task<IReadOnlyList<QueuedTaskInfo>> ListAsync(QueuedTaskState? state, string? queue, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>The workers: what each runs, its progress and counters.</summary>
    Task<IReadOnlyList<WorkerStatus>> GetWorkersAsync(CancellationToken cancellationToken = default);

    /// <summary>The recurring calls, by id.</summary>
    Task<IReadOnlyList<RecurringCallInfo>> ListRecurringAsync(CancellationToken cancellationToken = default);
}
