using System.Data.Common;
using System.Diagnostics;
using System.Linq.Expressions;
using Microsoft.Extensions.Options;
using SoapMiddleware.Description;
using SoapMiddleware.Queue.Diagnostics;
using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Queue.Producer;

/// <summary>
/// The producer (Spyne's <c>Producer</c>) and the read side, over whichever engine is registered: typed calls become
/// requests here, once, so every engine stores exactly what an HTTP client would send.
/// </summary>
internal sealed class RpcQueue(RpcApplication application, IQueueEngine engine, IOptions<RpcQueueOptions> options, TimeProvider time) : IRpcQueue, IRpcQueueMonitor
{
    /// <summary>The longest queue name accepted.</summary>
    public const int MaxQueueNameLength = 100;

    public string Engine => engine.Name;

    public Task<string> EnqueueAsync<TService>(Expression<Func<TService, object?>> call, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class
        => EnqueueAsync(PrepareCall(call.Body, options), cancellationToken);

    public Task<string> EnqueueAsync<TService>(Expression<Action<TService>> call, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class
        => EnqueueAsync(PrepareCall(call.Body, options), cancellationToken);

    public Task<string> EnqueueAsync<TService>(Expression<Func<TService, object?>> call, DbConnection connection, DbTransaction? transaction, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class
        => EnqueueInTransactionAsync(call.Body, connection, transaction, options, cancellationToken);

    public Task<string> EnqueueAsync<TService>(Expression<Action<TService>> call, DbConnection connection, DbTransaction? transaction, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class
        => EnqueueInTransactionAsync(call.Body, connection, transaction, options, cancellationToken);

    public Task<string> EnqueueRequestAsync(byte[] payload, string contentType, string? action, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        var operation = action is null ? null : application.FindOperationByAction(Protocols.Soap.SoapAction.Parse(action) ?? string.Empty);
        var display = CallDisplay.Format(operation?.Service.Name, operation?.Name);
        return EnqueueAsync(NewCall(payload, contentType, action, operation, display, options), cancellationToken);
    }

    /// <summary>Stores a call that is already prepared (the HTTP endpoint, which has read and checked the request).</summary>
    internal Task<string> EnqueueAsync(QueuedCall call, CancellationToken cancellationToken)
        => EnqueueTracedAsync(call, traced => engine.EnqueueAsync(traced, cancellationToken));

    private Task<string> EnqueueInTransactionAsync(Expression body, DbConnection connection, DbTransaction? transaction, EnqueueOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var call = PrepareCall(body, options);
        return EnqueueTracedAsync(call, traced => engine.EnqueueAsync(traced, connection, transaction, cancellationToken));
    }

    /// <summary>
    /// Every enqueue goes through here (also a caller's transaction): the enqueue activity wraps the store,
    /// and its <c>traceparent</c> travels with the call so the worker's activity joins the same trace.
    /// </summary>
    private async Task<string> EnqueueTracedAsync(QueuedCall call, Func<QueuedCall, Task<string>> store)
    {
        using var activity = QueueTracing.StartEnqueue(call);
        try
        {
            var handle = await store(call with { TraceParent = QueueTracing.TraceParentOf(activity) }).ConfigureAwait(false);

            // The row or job id only: the handle's secret is a read capability and stays out of traces.
            activity?.SetTag("messaging.message.id", TaskHandle.TryParse(handle, out string? id, out _) ? id : null);
            return handle;
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity.SetTag("error.type", ex.GetType().FullName);
            throw;
        }
    }

    public Task<QueuedTaskInfo?> GetAsync(string handle, CancellationToken cancellationToken = default) => engine.GetAsync(handle, cancellationToken);

    public Task<IReadOnlyList<TaskHistoryEntry>> GetHistoryAsync(string handle, CancellationToken cancellationToken = default) => engine.GetHistoryAsync(handle, cancellationToken);

    public Task<bool> RetryAsync(string handle, CancellationToken cancellationToken = default) => engine.RetryAsync(handle, cancellationToken);

    public Task<bool> DeleteAsync(string handle, CancellationToken cancellationToken = default) => engine.DeleteAsync(handle, cancellationToken);

    public Task AddOrUpdateRecurringAsync<TService>(string recurringId, Expression<Func<TService, object?>> call, string cron, RecurringOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class
        => AddOrUpdateRecurringCoreAsync(recurringId, call.Body, cron, options, cancellationToken);

    public Task AddOrUpdateRecurringAsync<TService>(string recurringId, Expression<Action<TService>> call, string cron, RecurringOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class
        => AddOrUpdateRecurringCoreAsync(recurringId, call.Body, cron, options, cancellationToken);

    public Task<bool> RemoveRecurringAsync(string recurringId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(recurringId);
        return engine.RemoveRecurringAsync(recurringId, cancellationToken);
    }

    public Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken = default) => engine.GetStatsAsync(cancellationToken);

    public Task<IReadOnlyList<QueuedTaskInfo>> ListAsync(QueuedTaskState? state, string? queue, int skip, int take, CancellationToken cancellationToken = default)
        => engine.ListAsync(state, queue, skip, take, cancellationToken);

    public Task<IReadOnlyList<WorkerStatus>> GetWorkersAsync(CancellationToken cancellationToken = default) => engine.GetWorkersAsync(cancellationToken);

    public Task<IReadOnlyList<RecurringCallInfo>> ListRecurringAsync(CancellationToken cancellationToken = default) => engine.ListRecurringAsync(cancellationToken);

    /// <summary>Fills in the defaults (queue, attempts) and turns a delay into a time.</summary>
    internal QueuedCall NewCall(byte[] payload, string contentType, string? action, RpcOperation? operation, string display, EnqueueOptions? enqueue)
    {
        var settings = options.Value;
        if (enqueue?.Queue is { } queue && (queue.Length == 0 || queue.Length > MaxQueueNameLength))
        {
            throw new ArgumentException($"A queue name is 1 to {MaxQueueNameLength} characters long.", nameof(enqueue));
        }

        var notBefore = enqueue?.RunAt ?? (enqueue?.Delay is { } delay ? time.GetUtcNow() + delay : null);
        return new QueuedCall
        {
            Queue = enqueue?.Queue ?? settings.DefaultQueue,
            Service = operation?.Service.Name ?? string.Empty,
            Operation = operation?.Name ?? string.Empty,
            Display = display,
            ContentType = contentType,
            Action = action,
            Payload = payload,
            NotBefore = notBefore,
            MaxAttempts = enqueue?.MaxAttempts ?? settings.MaxAttempts,
            IdempotencyKey = enqueue?.IdempotencyKey,
            EnqueuedBy = enqueue?.EnqueuedBy,
        };
    }

    /// <summary>Serializes a typed call into the call an engine stores.</summary>
    internal QueuedCall PrepareCall(Expression body, EnqueueOptions? enqueue)
    {
        var (operation, arguments) = CallExpressionReader.Read(application, body);
        var (payload, contentType, action) = application.SerializeRequest(operation, arguments, enqueue?.Protocol ?? options.Value.Protocol);
        return NewCall(payload, contentType, action, operation, CallDisplay.Format(operation, arguments), enqueue);
    }

    private Task AddOrUpdateRecurringCoreAsync(string recurringId, Expression body, string cron, RecurringOptions? recurring, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(recurringId);
        RecurringSchedule.Parse(cron);
        var call = PrepareCall(body, new EnqueueOptions { Queue = recurring?.Queue });
        return engine.AddOrUpdateRecurringAsync(recurringId, call, cron, recurring?.TimeZone ?? TimeZoneInfo.Utc, cancellationToken);
    }
}
