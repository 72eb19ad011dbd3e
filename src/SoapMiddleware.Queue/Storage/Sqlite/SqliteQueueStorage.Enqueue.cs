using Microsoft.Data.Sqlite;

namespace SoapMiddleware.Queue.Storage.Sqlite;

/// <summary>Enqueue: one transaction per call or batch.</summary>
internal sealed partial class SqliteQueueStorage
{
    private const string InsertSql = """
        INSERT INTO queue_task (queue, service, operation, content_type, action, payload, state, max_attempts,
            idempotency_key, created_at, not_before, due_at, reason)
        VALUES ($queue, $service, $operation, $ct, $action, $payload, $state, $max, $key, $now, $nb, $due, $reason)
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING id
        """;

    public async Task<long> EnqueueAsync(NewQueuedTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var ids = await EnqueueBatchAsync([task], cancellationToken).ConfigureAwait(false);
        return ids[0];
    }

    public async Task<IReadOnlyList<long>> EnqueueBatchAsync(IReadOnlyList<NewQueuedTask> tasks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count == 0)
        {
            return [];
        }

        var ids = await WriteAsync(async (connection, tx) =>
        {
            var now = UnixTime.Now(_time);
            var result = new long[tasks.Count];
            for (var i = 0; i < tasks.Count; i++)
            {
                result[i] = await InsertAsync(connection, tx, tasks[i], now, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }, cancellationToken).ConfigureAwait(false);
        _signal.Pulse();
        return ids;
    }

    private static async Task<long> InsertAsync(SqliteConnection connection, SqliteTransaction tx, NewQueuedTask task, long now, CancellationToken cancellationToken)
    {
        var row = QueuedRow.From(task, now);
        await using var insert = Command(connection, tx, InsertSql)
            .With("$queue", task.Queue).With("$service", task.Service).With("$operation", task.Operation)
            .With("$ct", task.ContentType).With("$action", task.Action).With("$payload", task.Payload)
            .With("$state", (int)row.State).With("$max", task.MaxAttempts).With("$key", task.IdempotencyKey)
            .With("$now", now).With("$nb", row.NotBefore).With("$due", row.DueAt).With("$reason", row.Reason);
        var inserted = await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (inserted is long id)
        {
            await InsertHistoryAsync(connection, tx, id, now, row.State, null, row.Reason, cancellationToken).ConfigureAwait(false);
            return id;
        }

        await using var existing = Command(connection, tx, "SELECT id FROM queue_task WHERE idempotency_key = $key").With("$key", task.IdempotencyKey);
        return (long)(await existing.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
