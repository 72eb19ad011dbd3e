using System.Data.Common;

namespace SoapMiddleware.Queue.Engine;

/// <summary>
/// What a queue engine does (the built-in one, Hangfire, or your own: choose it with
/// <see cref="IRpcQueueBuilder.UseEngine"/>). <see cref="IRpcQueue"/> and <see cref="IRpcQueueMonitor"/> sit on top:
/// they turn typed calls into <see cref="QueuedCall"/>s once, and every engine gets the same input. Handles are the
/// engine's business but always unguessable (<see cref="TaskHandle"/>); an unknown or forged handle reads as no task.
/// Storage failures on enqueue are <see cref="QueueUnavailableException"/>. An engine runs each call with
/// <see cref="Execution.QueuedCallExecutor"/>, so events and wrappers fire as for HTTP.
/// </summary>
public interface IQueueEngine
{
    /// <summary>The engine's name in task rows and traces: <c>Builtin</c>, <c>Hangfire</c>, ...</summary>
    string Name { get; }

    /// <summary>Stores the call; returns its handle, or the earlier task's handle for a repeated idempotency key with the same request.</summary>
    /// <exception cref="IdempotencyKeyConflictException">The idempotency key names a task with a different request.</exception>
    Task<string> EnqueueAsync(QueuedCall call, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the call on <paramref name="connection"/> within the caller's <paramref name="transaction"/>, so the task
    /// exists only if the caller commits. Only an engine whose storage shares the caller's database can; the default
    /// throws <see cref="NotSupportedException"/>.
    /// </summary>
    /// <returns>The handle, as <see cref="EnqueueAsync(QueuedCall, CancellationToken)"/>.</returns>
    Task<string> EnqueueAsync(QueuedCall call, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
        => throw new NotSupportedException($"The {Name} queue engine cannot enqueue inside a caller's transaction: use the built-in engine on PostgreSQL (AddQueue().UsePostgreSql(connectionString)).");

    /// <summary>A task by handle, or <see langword="null"/> for an unknown or forged handle.</summary>
    Task<QueuedTaskInfo?> GetAsync(string handle, CancellationToken cancellationToken);

    /// <summary>A task's transitions, oldest first; empty for an unknown handle.</summary>
    Task<IReadOnlyList<TaskHistoryEntry>> GetHistoryAsync(string handle, CancellationToken cancellationToken);

    /// <summary>Puts a finished task back in its queue, attempts reset; <see langword="false"/> when it cannot be.</summary>
    Task<bool> RetryAsync(string handle, CancellationToken cancellationToken);

    /// <summary>Deletes a task (kept for its history); a running call is cancelled.</summary>
    Task<bool> DeleteAsync(string handle, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a recurring call; the cron expression is already checked.</summary>
    Task AddOrUpdateRecurringAsync(string recurringId, QueuedCall call, string cron, TimeZoneInfo timeZone, CancellationToken cancellationToken);

    /// <summary>Removes a recurring call; <see langword="false"/> when there is none by that name.</summary>
    Task<bool> RemoveRecurringAsync(string recurringId, CancellationToken cancellationToken);

    /// <summary>Task counts per state and per queue.</summary>
    Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>A page of tasks, newest first, optionally filtered; payloads and results may be left out.</summary>
    Task<IReadOnlyList<QueuedTaskInfo>> ListAsync(QueuedTaskState? state, string? queue, int skip, int take, CancellationToken cancellationToken);

    /// <summary>The worker rows, by worker id.</summary>
    Task<IReadOnlyList<WorkerStatus>> GetWorkersAsync(CancellationToken cancellationToken);

    /// <summary>The recurring calls, by id.</summary>
    Task<IReadOnlyList<RecurringCallInfo>> ListRecurringAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts what the engine runs in this process when the host starts, and checks what it needs, so a wrong
    /// configuration fails the start rather than the first enqueue (the built-in engine: creates or migrates its
    /// schema, then starts its workers when <see cref="RpcQueueOptions.Role"/> runs them; the Hangfire engine, whose
    /// workers are the application's Hangfire servers: checks its storage and options). The default does nothing.
    /// </summary>
    Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops what <see cref="StartAsync"/> started, letting running calls finish within <see cref="RpcQueueOptions.ShutdownTimeout"/>.</summary>
    Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
