using System.Data.Common;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Builtin;

/// <summary>
/// The built-in engine: tasks in the project's own <see cref="IQueueStorage"/> (SQLite or PostgreSQL), run by this
/// package's workers. Handles are <c>{row id}-{secret}</c>; a handle whose secret does not match reads as no task.
/// </summary>
internal sealed class BuiltinQueueEngine(QueueStorageHolder holder, TimeProvider time) : IQueueEngine
{
    public string Name => "Builtin";

    /// <summary>The storage underneath (the PostgreSQL package enqueues in a caller's transaction through it).</summary>
    internal IQueueStorage Storage => holder.Storage;

    public Task<string> EnqueueAsync(QueuedCall call, CancellationToken cancellationToken)
        => EnqueueAsync(call, task => Storage.EnqueueAsync(task, cancellationToken), cancellationToken);

    /// <summary>Stores the call with <paramref name="store"/> (the storage, or a caller's PostgreSQL transaction).</summary>
    internal async Task<string> EnqueueAsync(QueuedCall call, Func<NewQueuedTask, Task<long>> store, CancellationToken cancellationToken)
    {
        var task = new NewQueuedTask
        {
            Queue = call.Queue,
            Service = call.Service,
            Operation = call.Operation,
            Display = call.Display,
            ContentType = call.ContentType,
            Action = call.Action,
            Payload = call.Payload,
            NotBefore = call.NotBefore,
            MaxAttempts = call.MaxAttempts,
            IdempotencyKey = call.IdempotencyKey,
            TraceParent = call.TraceParent,
        };
        long id;
        try
        {
            await holder.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
            id = await store(task).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or TimeoutException or InvalidOperationException { InnerException: DbException })
        {
            throw new QueueUnavailableException($"The built-in queue engine could not store the call in its {holder.StorageName} storage: {ex.Message}", ex);
        }

        var handle = TaskHandle.Format(id, task.Secret);
        if (call.IdempotencyKey is null)
        {
            return handle;
        }

        // The key may name an earlier task: hand it out only to a caller who sent the same request.
        var existing = await Storage.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (existing is null || existing.Id == handle)
        {
            return handle;
        }

        return existing.ContentType == call.ContentType && existing.Action == call.Action && existing.Payload.AsSpan().SequenceEqual(call.Payload)
            ? existing.Id
            : throw new IdempotencyKeyConflictException(call.IdempotencyKey);
    }

    public Task<QueuedTaskInfo?> GetAsync(string handle, CancellationToken cancellationToken) => ResolveAsync(handle, cancellationToken);

    public async Task<IReadOnlyList<TaskHistoryEntry>> GetHistoryAsync(string handle, CancellationToken cancellationToken)
    {
        var task = await ResolveAsync(handle, cancellationToken).ConfigureAwait(false);
        return task is null ? [] : await Storage.GetHistoryAsync(task.RowId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RetryAsync(string handle, CancellationToken cancellationToken)
    {
        var task = await ResolveAsync(handle, cancellationToken).ConfigureAwait(false);
        return task is not null && await Storage.RetryAsync(task.RowId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string handle, CancellationToken cancellationToken)
    {
        var task = await ResolveAsync(handle, cancellationToken).ConfigureAwait(false);
        if (task is null || !await Storage.DeleteAsync(task.RowId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        holder.OnDeleted(task.RowId);
        return true;
    }

    public async Task AddOrUpdateRecurringAsync(string recurringId, QueuedCall call, string cron, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        await holder.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await Storage.UpsertRecurringAsync(
            new RecurringRow
            {
                Id = recurringId,
                Cron = cron,
                TimeZone = timeZone.Id,
                Queue = call.Queue,
                Service = call.Service,
                Operation = call.Operation,
                Display = call.Display,
                ContentType = call.ContentType,
                Action = call.Action,
                Payload = call.Payload,
                MaxAttempts = call.MaxAttempts,
                NextRunAt = RecurringSchedule.Next(cron, timeZone, time.GetUtcNow()),
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RemoveRecurringAsync(string recurringId, CancellationToken cancellationToken)
    {
        await holder.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        return await Storage.RemoveRecurringAsync(recurringId, cancellationToken).ConfigureAwait(false);
    }

    public Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken) => Storage.GetStatsAsync(cancellationToken);

    public Task<IReadOnlyList<QueuedTaskInfo>> ListAsync(QueuedTaskState? state, string? queue, int skip, int take, CancellationToken cancellationToken)
        => Storage.ListAsync(state, queue, skip, take, cancellationToken);

    public Task<IReadOnlyList<WorkerStatus>> GetWorkersAsync(CancellationToken cancellationToken) => Storage.GetWorkersAsync(cancellationToken);

    public async Task<IReadOnlyList<RecurringCallInfo>> ListRecurringAsync(CancellationToken cancellationToken)
    {
        var rows = await Storage.ListRecurringAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new RecurringCallInfo
        {
            Id = r.Id,
            Cron = r.Cron,
            TimeZone = r.TimeZone,
            Queue = r.Queue,
            Service = r.Service,
            Operation = r.Operation,
            Display = r.Display,
            NextRunAt = r.NextRunAt,
            LastRunAt = r.LastRunAt,
            LastTaskId = r.LastTaskId,
        }).ToList();
    }

    /// <summary>The task a handle names, or null when the handle is malformed, unknown, or its secret is wrong.</summary>
    private async Task<QueuedTaskInfo?> ResolveAsync(string handle, CancellationToken cancellationToken)
    {
        if (!TaskHandle.TryParse(handle, out long id, out var secret))
        {
            return null;
        }

        var task = await Storage.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return task is not null && TaskHandle.TryParse(task.Id, out long _, out var stored) && TaskHandle.SecretMatches(secret, stored)
            ? task
            : null;
    }
}
