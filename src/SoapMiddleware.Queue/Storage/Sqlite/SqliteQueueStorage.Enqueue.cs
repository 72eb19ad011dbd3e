using Microsoft.Data.Sqlite;

namespace SoapMiddleware.Queue.Storage.Sqlite;

/// <summary>Enqueue: one transaction per call or batch.</summary>
internal sealed partial class SqliteQueueStorage
{
    private const string InsertSql = """
        INSERT INTO queue_task (queue, service, operation, display, content_type, action, payload, state, max_attempts,
            idempotency_key, secret, created_at, not_before, due_at, reason, trace_parent, enqueued_by)
        VALUES ($queue, $service, $operation, $display, $ct, $action, $payload, $state, $max, $key, $secret, $now, $nb, $due, $reason, $trace, $by)
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING id, secret
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
                result[i] = (await InsertAsync(connection, tx, tasks[i], now, cancellationToken).ConfigureAwait(false)).Id;
            }

            return result;
        }, cancellationToken).ConfigureAwait(false);
        _signal.Pulse();
        return ids;
    }

    /// <summary>
    /// Inserts a task with its first history row; for a known idempotency key inserts nothing and returns the existing
    /// task. Returns the stored id and secret (the existing task's, not <paramref name="task"/>'s, for a known key).
    /// </summary>
    private static async Task<(long Id, string Secret)> InsertAsync(SqliteConnection connection, SqliteTransaction tx, NewQueuedTask task, long now, CancellationToken cancellationToken)
    {
        var row = QueuedRow.From(task, now);
        var call = task.Call;
        await using (var insert = Command(connection, tx, InsertSql)
            .With("$queue", call.Queue).With("$service", call.Service).With("$operation", call.Operation)
            .With("$display", call.Display).With("$ct", call.ContentType).With("$action", call.Action)
            .With("$payload", call.Payload).With("$state", (int)row.State).With("$max", call.MaxAttempts)
            .With("$key", call.IdempotencyKey).With("$secret", task.Secret)
            .With("$now", now).With("$nb", row.NotBefore).With("$due", row.DueAt).With("$reason", row.Reason).With("$trace", call.TraceParent).With("$by", call.EnqueuedBy))
        {
            long? inserted = null;
            await using (var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    inserted = reader.GetInt64(0);
                }
            }

            if (inserted is { } id)
            {
                await InsertHistoryAsync(connection, tx, id, now, row.State, null, row.Reason, cancellationToken).ConfigureAwait(false);
                return (id, task.Secret);
            }
        }

        await using var existing = Command(connection, tx, "SELECT id, secret FROM queue_task WHERE idempotency_key = $key").With("$key", call.IdempotencyKey);
        await using var found = await existing.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await found.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (found.GetInt64(0), found.GetString(1));
    }
}
