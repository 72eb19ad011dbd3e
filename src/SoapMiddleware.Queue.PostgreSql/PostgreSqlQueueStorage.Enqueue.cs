using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.PostgreSql;

/// <summary>Enqueue: one statement per task (insert, history, notify), one transaction per batch.</summary>
public sealed partial class PostgreSqlQueueStorage
{
    private string InsertOneSql => $"""
        WITH ins AS (
            INSERT INTO {_schema}.queue_task (queue, service, operation, display, content_type, action, payload, state, max_attempts,
                idempotency_key, secret, created_at, not_before, due_at, reason, trace_parent, enqueued_by)
            VALUES (@queue, @service, @operation, @display, @ct, @action, @payload, @state, @max, @key, @secret, @now, @nb, @due, @reason, @trace, @by)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id, secret, state, reason),
        h AS (INSERT INTO {_schema}.queue_task_history (task_id, at, state, reason) SELECT id, @now, state, reason FROM ins)
        SELECT id, secret FROM ins UNION ALL SELECT id, secret FROM {_schema}.queue_task WHERE idempotency_key = @key;
        SELECT pg_notify('{_schemaName.Channel}', @queue);
        """;

    private string InsertBatchSql => $"""
        WITH src AS (
            SELECT * FROM unnest(@ids, @queues, @services, @operations, @displays, @cts, @actions, @payloads, @states, @maxes, @keys, @secrets, @nbs, @dues, @reasons, @traces, @bys)
                AS s(id, queue, service, operation, display, content_type, action, payload, state, max_attempts, idempotency_key, secret, not_before, due_at, reason, trace_parent, enqueued_by)),
        ins AS (
            INSERT INTO {_schema}.queue_task (id, queue, service, operation, display, content_type, action, payload, state, max_attempts,
                idempotency_key, secret, created_at, not_before, due_at, reason, trace_parent, enqueued_by)
            SELECT id, queue, service, operation, display, content_type, action, payload, state, max_attempts,
                idempotency_key, secret, @now, not_before, due_at, reason, trace_parent, enqueued_by FROM src
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id, state, reason),
        h AS (INSERT INTO {_schema}.queue_task_history (task_id, at, state, reason) SELECT id, @now, state, reason FROM ins)
        SELECT s.id, COALESCE(i.id, t.id) FROM src s
            LEFT JOIN ins i ON i.id = s.id
            LEFT JOIN {_schema}.queue_task t ON i.id IS NULL AND t.idempotency_key = s.idempotency_key
        """;

    /// <inheritdoc/>
    public async Task<long> EnqueueAsync(NewQueuedTask task, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var id = await EnqueueAsync(task, connection, null, cancellationToken).ConfigureAwait(false);
        _signal.Pulse();
        return id;
    }

    /// <summary>
    /// Stores a task inside the caller's transaction: it exists (and workers are notified) only if the caller commits.
    /// Returns its id, or the first task's id for a repeated idempotency key.
    /// </summary>
    /// <param name="task">The task.</param>
    /// <param name="connection">An open <see cref="NpgsqlConnection"/> to the queue's database (any search path: statements name the schema).</param>
    /// <param name="transaction">The caller's transaction on it, or <see langword="null"/> to commit at once.</param>
    /// <param name="cancellationToken">Cancels the insert.</param>
    /// <exception cref="ArgumentException">The connection is not an <see cref="NpgsqlConnection"/>.</exception>
    public async Task<long> EnqueueAsync(NewQueuedTask task, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(connection);
        var npgsql = connection as NpgsqlConnection
            ?? throw new ArgumentException($"The PostgreSQL queue storage enqueues on an NpgsqlConnection, not a {connection.GetType().Name}.", nameof(connection));
        var npgsqlTransaction = transaction is null ? null : transaction as NpgsqlTransaction
            ?? throw new ArgumentException($"The PostgreSQL queue storage enqueues in an NpgsqlTransaction, not a {transaction.GetType().Name}.", nameof(transaction));
        return (await InsertOneAsync(task, npgsql, npgsqlTransaction, cancellationToken).ConfigureAwait(false)).Id;
    }

    /// <summary>
    /// Inserts a task with its first history row and a <c>NOTIFY</c> (sent when the transaction commits); for a known
    /// idempotency key inserts nothing. Returns the stored id and secret (the existing task's for a known key).
    /// </summary>
    private async Task<(long Id, string Secret)> InsertOneAsync(NewQueuedTask task, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var now = UnixTime.Now(_time);
        var row = QueuedRow.From(task, now);
        var call = task.Call;
        await using var command = new NpgsqlCommand(InsertOneSql, connection, transaction)
            .With("queue", call.Queue).With("service", call.Service).With("operation", call.Operation)
            .With("display", call.Display).With("secret", task.Secret)
            .With("ct", call.ContentType).With("action", call.Action).With("payload", NpgsqlDbType.Bytea, call.Payload)
            .With("state", NpgsqlDbType.Integer, (int)row.State).With("max", NpgsqlDbType.Integer, call.MaxAttempts)
            .With("key", call.IdempotencyKey).With("now", now).With("nb", NpgsqlDbType.Bigint, row.NotBefore)
            .With("due", row.DueAt).With("reason", row.Reason).With("trace", NpgsqlDbType.Text, call.TraceParent)
            .With("by", NpgsqlDbType.Text, call.EnqueuedBy);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return (reader.GetInt64(0), reader.GetString(1));
            }
        }

        // A concurrent insert of the same key committed after this statement's snapshot.
        await using var existing = new NpgsqlCommand($"SELECT id, secret FROM {_schema}.queue_task WHERE idempotency_key = @key", connection, transaction)
            .With("key", call.IdempotencyKey);
        var found = await ReadAllAsync(existing, r => (r.GetInt64(0), r.GetString(1)), cancellationToken).ConfigureAwait(false);
        return found[0];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<long>> EnqueueBatchAsync(IReadOnlyList<NewQueuedTask> tasks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count == 0)
        {
            return [];
        }

        // A key repeated within the batch is sent once; its later positions take the first one's id.
        var firstByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var sent = new List<int>(tasks.Count);
        var alias = new int[tasks.Count];
        for (var i = 0; i < tasks.Count; i++)
        {
            alias[i] = tasks[i].Call.IdempotencyKey is { } key && !firstByKey.TryAdd(key, i) ? firstByKey[key] : i;
            if (alias[i] == i)
            {
                sent.Add(i);
            }
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var ids = new long[tasks.Count];
        var newIds = await AllocateIdsAsync(connection, tx, sent.Count, cancellationToken).ConfigureAwait(false);
        var now = UnixTime.Now(_time);
        var rows = sent.Select(i => QueuedRow.From(tasks[i], now)).ToArray();
        var items = sent.Select(i => tasks[i].Call).ToArray();
        await using var insert = new NpgsqlCommand(InsertBatchSql, connection, tx)
            .With("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint, newIds)
            .With("queues", NpgsqlDbType.Array | NpgsqlDbType.Text, items.Select(t => t.Queue).ToArray())
            .With("services", NpgsqlDbType.Array | NpgsqlDbType.Text, items.Select(t => t.Service).ToArray())
            .With("operations", NpgsqlDbType.Array | NpgsqlDbType.Text, items.Select(t => t.Operation).ToArray())
            .With("displays", NpgsqlDbType.Array | NpgsqlDbType.Text, items.Select(t => t.Display).ToArray())
            .With("secrets", NpgsqlDbType.Array | NpgsqlDbType.Text, sent.Select(i => tasks[i].Secret).ToArray())
            .With("cts", NpgsqlDbType.Array | NpgsqlDbType.Text, items.Select(t => t.ContentType).ToArray())
            .With("actions", NpgsqlDbType.Array | NpgsqlDbType.Text, items.Select(t => t.Action).ToArray())
            .With("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea, items.Select(t => t.Payload).ToArray())
            .With("states", NpgsqlDbType.Array | NpgsqlDbType.Integer, rows.Select(r => (int)r.State).ToArray())
            .With("maxes", NpgsqlDbType.Array | NpgsqlDbType.Integer, items.Select(t => t.MaxAttempts).ToArray())
            .With("keys", NpgsqlDbType.Array | NpgsqlDbType.Text, items.Select(t => t.IdempotencyKey).ToArray())
            .With("nbs", NpgsqlDbType.Array | NpgsqlDbType.Bigint, rows.Select(r => r.NotBefore).ToArray())
            .With("dues", NpgsqlDbType.Array | NpgsqlDbType.Bigint, rows.Select(r => r.DueAt).ToArray())
            .With("reasons", NpgsqlDbType.Array | NpgsqlDbType.Text, rows.Select(r => r.Reason).ToArray())
            .With("traces", NpgsqlDbType.Array | NpgsqlDbType.Text, items.Select(t => t.TraceParent).ToArray())
            .With("bys", NpgsqlDbType.Array | NpgsqlDbType.Text, items.Select(t => t.EnqueuedBy).ToArray())
            .With("now", now);
        var resolved = (await ReadAllAsync(insert, r => (Sent: r.GetInt64(0), Id: r.IsDBNull(1) ? (long?)null : r.GetInt64(1)), cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.Sent, r => r.Id);
        for (var n = 0; n < sent.Count; n++)
        {
            ids[sent[n]] = resolved[newIds[n]] ?? await ExistingIdAsync(connection, tx, items[n].IdempotencyKey!, cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        await NotifyAsync(items.Select(t => t.Queue), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < tasks.Count; i++)
        {
            ids[i] = ids[alias[i]];
        }

        return ids;
    }

    private async Task<long[]> AllocateIdsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, int count, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT nextval(pg_get_serial_sequence(@table, 'id')) FROM generate_series(1, @n)", connection, tx)
            .With("table", $"{_schema}.queue_task").With("n", NpgsqlDbType.Integer, count);
        var ids = await ReadAllAsync(command, r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        ids.Sort();
        return [.. ids];
    }

    private async Task<long> ExistingIdAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT id FROM {_schema}.queue_task WHERE idempotency_key = @key", connection, tx).With("key", key);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
