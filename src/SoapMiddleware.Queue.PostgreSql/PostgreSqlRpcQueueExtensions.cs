using System.Linq.Expressions;
using Npgsql;
using SoapMiddleware.Queue.Builtin;
using SoapMiddleware.Queue.Producer;

namespace SoapMiddleware.Queue.PostgreSql;

/// <summary>Enqueues inside the caller's PostgreSQL transaction, so a task exists only if the caller's work commits.</summary>
public static class PostgreSqlRpcQueueExtensions
{
    /// <summary>
    /// Enqueues a typed call on <paramref name="connection"/> within <paramref name="transaction"/>: roll back and the task
    /// never existed; commit and workers are notified at once. The connection must reach the queue's database and schema.
    /// Needs the built-in engine on PostgreSQL (<c>AddQueue().UsePostgreSql(connectionString)</c>).
    /// </summary>
    /// <returns>The task's handle (or the first task's handle for a repeated idempotency key).</returns>
    public static Task<string> EnqueueAsync<TService>(this IRpcQueue queue, Expression<Func<TService, object?>> call, NpgsqlConnection connection, NpgsqlTransaction? transaction, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class
        => EnqueueCoreAsync(queue, call.Body, connection, transaction, options, cancellationToken);

    /// <summary>Enqueues a typed call of a void operation within the caller's transaction.</summary>
    /// <returns>The task's handle.</returns>
    public static Task<string> EnqueueAsync<TService>(this IRpcQueue queue, Expression<Action<TService>> call, NpgsqlConnection connection, NpgsqlTransaction? transaction, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class
        => EnqueueCoreAsync(queue, call.Body, connection, transaction, options, cancellationToken);

    private static Task<string> EnqueueCoreAsync(IRpcQueue queue, Expression body, NpgsqlConnection connection, NpgsqlTransaction? transaction, EnqueueOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(connection);
        if (queue is not RpcQueue { EngineImpl: BuiltinQueueEngine engine } producer || engine.Storage is not PostgreSqlQueueStorage storage)
        {
            throw new InvalidOperationException("Enqueueing inside a caller's transaction needs the built-in queue engine on PostgreSQL: AddQueue().UsePostgreSql(connectionString).");
        }

        var call = producer.PrepareCall(body, options);
        return producer.EnqueueTracedAsync(call, traced => engine.EnqueueAsync(traced, task => storage.EnqueueAsync(task, connection, transaction, cancellationToken), cancellationToken));
    }
}
