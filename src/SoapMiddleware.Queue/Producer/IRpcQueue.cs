using System.Data.Common;
using System.Linq.Expressions;

namespace SoapMiddleware.Queue;

/// <summary>
/// The producer side of the queue, the same on every engine (the built-in one and Hangfire). A call is serialized in
/// <see cref="RpcQueueOptions.Protocol"/> (or <see cref="EnqueueOptions.Protocol"/>), exactly the request an HTTP client
/// would send, and stored; workers run it through the
/// same pipeline as HTTP calls. Tasks are named by opaque, unguessable handles: hand one only to whoever may read the
/// task's result.
/// </summary>
public interface IRpcQueue
{
    /// <summary>
    /// Enqueues a call of an operation that returns a value or a task: <c>queue.EnqueueAsync&lt;Calc&gt;(s => s.Add(1, 2))</c>.
    /// <typeparamref name="TService"/> is a registered service, or a contract interface such as a typed client's
    /// (<c>queue.EnqueueAsync&lt;ICalculator&gt;(c => c.Add(1, 2))</c>): a method a service implements calls that service's
    /// operation; any other names the operation (<c>[RpcMethod(Name)]</c>, <c>[OperationContract(Name)]</c>, or its own
    /// name without <c>Async</c>) and must take the same parameter types.
    /// </summary>
    /// <returns>The task's handle.</returns>
    /// <exception cref="IdempotencyKeyConflictException">The idempotency key names a task with a different request.</exception>
    /// <exception cref="QueueUnavailableException">The engine's storage cannot be reached; nothing was stored.</exception>
    Task<string> EnqueueAsync<TService>(Expression<Func<TService, object?>> call, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class;

    /// <summary>Enqueues a call of a void operation.</summary>
    /// <returns>The task's handle.</returns>
    /// <exception cref="IdempotencyKeyConflictException">The idempotency key names a task with a different request.</exception>
    /// <exception cref="QueueUnavailableException">The engine's storage cannot be reached; nothing was stored.</exception>
    Task<string> EnqueueAsync<TService>(Expression<Action<TService>> call, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class;

    /// <summary>
    /// Enqueues a call inside the caller's transaction: roll back and the task never existed; commit and workers are
    /// woken at once. <paramref name="connection"/> must reach the queue's database and schema. Needs the built-in engine
    /// on PostgreSQL (<c>AddQueue().UsePostgreSql(connectionString)</c> and an <c>NpgsqlConnection</c>); other engines
    /// and storages throw <see cref="NotSupportedException"/>.
    /// </summary>
    /// <returns>The task's handle (or the first task's handle for a repeated idempotency key).</returns>
    /// <exception cref="IdempotencyKeyConflictException">The idempotency key names a task with a different request.</exception>
    Task<string> EnqueueAsync<TService>(Expression<Func<TService, object?>> call, DbConnection connection, DbTransaction? transaction, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class;

    /// <summary>Enqueues a call of a void operation inside the caller's transaction (see the overload above).</summary>
    /// <returns>The task's handle.</returns>
    Task<string> EnqueueAsync<TService>(Expression<Action<TService>> call, DbConnection connection, DbTransaction? transaction, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class;

    /// <summary>
    /// Enqueues a request as a client would send it over HTTP (a SOAP envelope or a JSON <c>{"Add": {...}}</c> body).
    /// The payload is not checked here; a payload that does not parse fails at once when a worker takes it, with its
    /// fault stored. The HTTP enqueue endpoint checks the request before it calls this.
    /// </summary>
    /// <returns>The task's handle.</returns>
    Task<string> EnqueueRequestAsync(byte[] payload, string contentType, string? action, EnqueueOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Returns a task's state, attempts, progress, and its result or fault (the serialized response), or null for an unknown handle.</summary>
    Task<QueuedTaskInfo?> GetAsync(string handle, CancellationToken cancellationToken = default);

    /// <summary>Returns a task's transitions, oldest first (empty for an unknown handle).</summary>
    Task<IReadOnlyList<TaskHistoryEntry>> GetHistoryAsync(string handle, CancellationToken cancellationToken = default);

    /// <summary>Puts a Failed, Succeeded or Deleted task back in its queue, attempts reset.</summary>
    Task<bool> RetryAsync(string handle, CancellationToken cancellationToken = default);

    /// <summary>Deletes a task: it is kept for its history but never runs again; a running call is cancelled.</summary>
    Task<bool> DeleteAsync(string handle, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or replaces a recurring call: each occurrence of <paramref name="cron"/> (five fields, or six with seconds)
    /// enqueues the call once, however many processes run workers.
    /// </summary>
    /// <param name="recurringId">The recurring call's name, unique per queue storage (for example <c>nightly-report</c>).</param>
    /// <param name="call">The call, as for <see cref="EnqueueAsync{TService}(Expression{Func{TService, object}}, EnqueueOptions, CancellationToken)"/>.</param>
    /// <param name="cron">A cron expression such as <c>0 3 * * *</c>.</param>
    /// <param name="options">Time zone and queue; UTC and the default queue when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task AddOrUpdateRecurringAsync<TService>(string recurringId, Expression<Func<TService, object?>> call, string cron, RecurringOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class;

    /// <summary>Creates or replaces a recurring call of a void operation.</summary>
    /// <param name="recurringId">The recurring call's name.</param>
    /// <param name="call">The call.</param>
    /// <param name="cron">A cron expression such as <c>0 3 * * *</c>.</param>
    /// <param name="options">Time zone and queue.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task AddOrUpdateRecurringAsync<TService>(string recurringId, Expression<Action<TService>> call, string cron, RecurringOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class;

    /// <summary>Removes a recurring call; tasks it already enqueued stay. <see langword="false"/> when there is none by that name.</summary>
    Task<bool> RemoveRecurringAsync(string recurringId, CancellationToken cancellationToken = default);
}
