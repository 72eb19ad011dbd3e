using System.Data.Common;
using Microsoft.Extensions.Options;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Builtin;

/// <summary>
/// The built-in engine: tasks in the project's own <see cref="IQueueStorage"/> (SQLite or PostgreSQL), run by this
/// package's workers. Handles are <c>{row id}-{secret}</c>; a handle whose secret does not match reads as no task.
/// </summary>
internal sealed partial class BuiltinQueueEngine(QueueStorageHolder holder, TimeProvider time, IServiceProvider services, IOptions<RpcQueueOptions> options) : IQueueEngine
{
    public string Name => "Builtin";

    private IQueueStorage Storage => holder.Storage;

    public Task<string> EnqueueAsync(QueuedCall call, CancellationToken cancellationToken)
        => EnqueueAsync(call, task => Storage.Tasks.EnqueueAsync(task, cancellationToken), cancellationToken);

    public Task<string> EnqueueAsync(QueuedCall call, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
        => EnqueueAsync(call, task => Storage.Tasks.EnqueueAsync(task, connection, transaction, cancellationToken), cancellationToken);

    /// <summary>Stores the call with <paramref name="store"/> (the storage, or a caller's transaction).</summary>
    private async Task<string> EnqueueAsync(QueuedCall call, Func<NewQueuedTask, Task<long>> store, CancellationToken cancellationToken)
    {
        var task = new NewQueuedTask { Call = call };
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
        var existing = await Storage.Tasks.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (existing is null || existing.Id == handle)
        {
            return handle;
        }

        return existing.ContentType == call.ContentType && existing.Action == call.Action && existing.Payload.AsSpan().SequenceEqual(call.Payload)
            ? existing.Id
            : throw new IdempotencyKeyConflictException(call.IdempotencyKey);
    }


    public async Task<IReadOnlyList<TaskHistoryEntry>> GetHistoryAsync(string handle, CancellationToken cancellationToken)
    {
        var (id, task) = await ResolveAsync(handle, cancellationToken).ConfigureAwait(false);
        return task is null ? [] : await Storage.Tasks.GetHistoryAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RetryAsync(string handle, CancellationToken cancellationToken)
    {
        var (id, task) = await ResolveAsync(handle, cancellationToken).ConfigureAwait(false);
        return task is not null && await Storage.Tasks.RetryAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string handle, CancellationToken cancellationToken)
    {
        var (id, task) = await ResolveAsync(handle, cancellationToken).ConfigureAwait(false);
        if (task is null || !await Storage.Tasks.DeleteAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        holder.OnDeleted(id);
        return true;
    }

    public async Task AddOrUpdateRecurringAsync(string recurringId, QueuedCall call, string cron, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        await holder.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await Storage.Recurring.UpsertRecurringAsync(
            new RecurringRow
            {
                Id = recurringId,
                Cron = cron,
                TimeZone = timeZone.Id,
                Call = call with { NotBefore = null, IdempotencyKey = null, TraceParent = null },
                NextRunAt = RecurringSchedule.Next(cron, timeZone, time.GetUtcNow()),
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RemoveRecurringAsync(string recurringId, CancellationToken cancellationToken)
    {
        await holder.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        return await Storage.Recurring.RemoveRecurringAsync(recurringId, cancellationToken).ConfigureAwait(false);
    }

    public Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken) => Storage.Monitoring.GetStatsAsync(cancellationToken);

    public Task<IReadOnlyList<QueuedTaskInfo>> ListAsync(QueuedTaskState? state, string? queue, int skip, int take, CancellationToken cancellationToken)
        => Storage.Monitoring.ListAsync(state, queue, skip, take, cancellationToken);

    public Task<IReadOnlyList<WorkerStatus>> GetWorkersAsync(CancellationToken cancellationToken) => Storage.Monitoring.GetWorkersAsync(cancellationToken);

    public async Task<IReadOnlyList<RecurringCallInfo>> ListRecurringAsync(CancellationToken cancellationToken)
    {
        var rows = await Storage.Recurring.ListRecurringAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new RecurringCallInfo
        {
            Id = r.Id,
            Cron = r.Cron,
            TimeZone = r.TimeZone,
            Queue = r.Call.Queue,
            Service = r.Call.Service,
            Operation = r.Call.Operation,
            Display = r.Call.Display ?? "",
            NextRunAt = r.NextRunAt,
            LastRunAt = r.LastRunAt,
            LastTaskId = r.LastTaskId,
        }).ToList();
    }

    public async Task<QueuedTaskInfo?> GetAsync(string handle, CancellationToken cancellationToken)
        => (await ResolveAsync(handle, cancellationToken).ConfigureAwait(false)).Task;

    /// <summary>The row id and task a handle names; no task when the handle is malformed, unknown, or its secret is wrong.</summary>
    private async Task<(long Id, QueuedTaskInfo? Task)> ResolveAsync(string handle, CancellationToken cancellationToken)
    {
        if (!TaskHandle.TryParse(handle, out long id, out var secret))
        {
            return (0, null);
        }

        var task = await Storage.Tasks.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return task is not null && TaskHandle.TryParse(task.Id, out long _, out var stored) && TaskHandle.SecretMatches(secret, stored)
            ? (id, task)
            : (id, null);
    }
}
