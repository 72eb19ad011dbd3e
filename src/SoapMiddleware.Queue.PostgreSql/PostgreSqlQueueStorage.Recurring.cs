using Npgsql;
using NpgsqlTypes;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.PostgreSql;

/// <summary>Recurring calls: their rows, and enqueueing one occurrence exactly once.</summary>
public sealed partial class PostgreSqlQueueStorage
{
    /// <inheritdoc/>
    public Task UpsertRecurringAsync(RecurringRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);

        // last_run_at, last_task_id and created_at are left alone on update: replacing a definition does not erase
        // what it already did.
        return NonQueryAsync($"""
            INSERT INTO {_schema}.queue_recurring (id, cron, time_zone, queue, service, operation, display, content_type, action,
                payload, max_attempts, next_run_at, created_at)
            VALUES (@id, @cron, @tz, @queue, @service, @operation, @display, @ct, @action, @payload, @max, @next, @now)
            ON CONFLICT (id) DO UPDATE SET cron = excluded.cron, time_zone = excluded.time_zone, queue = excluded.queue,
                service = excluded.service, operation = excluded.operation, display = excluded.display,
                content_type = excluded.content_type, action = excluded.action, payload = excluded.payload,
                max_attempts = excluded.max_attempts, next_run_at = excluded.next_run_at
            """, c => c.With("id", row.Id).With("cron", row.Cron).With("tz", row.TimeZone).With("queue", row.Call.Queue)
                .With("service", row.Call.Service).With("operation", row.Call.Operation).With("display", row.Call.Display ?? "")
                .With("ct", row.Call.ContentType).With("action", row.Call.Action).With("payload", NpgsqlDbType.Bytea, row.Call.Payload)
                .With("max", NpgsqlDbType.Integer, row.Call.MaxAttempts).With("next", NpgsqlDbType.Bigint, UnixTime.ToMs(row.NextRunAt))
                .With("now", UnixTime.Now(_time)), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<bool> RemoveRecurringAsync(string id, CancellationToken cancellationToken = default) =>
        await NonQueryAsync($"DELETE FROM {_schema}.queue_recurring WHERE id = @id", c => c.With("id", id), cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RecurringRow>> ListRecurringAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync($"SELECT {TaskRowReader.RecurringColumns} FROM {_schema}.queue_recurring ORDER BY id", _ => { },
            TaskRowReader.ReadRecurring, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RecurringRow>> GetDueRecurringAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default) =>
        await ReadAsync($"""
            SELECT {TaskRowReader.RecurringColumns} FROM {_schema}.queue_recurring
            WHERE next_run_at <= @now ORDER BY next_run_at, id LIMIT @n
            """, c => c.With("now", UnixTime.ToMs(now)).With("n", NpgsqlDbType.Integer, maxCount),
            TaskRowReader.ReadRecurring, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<long?> TriggerRecurringAsync(
        string id, DateTimeOffset expectedNextRun, DateTimeOffset? nextRun, NewQueuedTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // The compare-and-set on next_run_at is what makes an occurrence exactly-once: a concurrent claimer waits on
        // the row lock, then (read committed) re-checks the condition against the committed row and finds it moved.
        await using (var claim = new NpgsqlCommand(
            $"UPDATE {_schema}.queue_recurring SET next_run_at = @next, last_run_at = @now WHERE id = @id AND next_run_at = @expected",
            connection, tx)
            .With("next", NpgsqlDbType.Bigint, UnixTime.ToMs(nextRun)).With("now", UnixTime.Now(_time))
            .With("id", id).With("expected", UnixTime.ToMs(expectedNextRun)))
        {
            if (await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                await tx.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return null;
            }
        }

        // The insert's pg_notify is delivered when this transaction commits, so workers never wake for a task they
        // cannot see yet.
        var (taskId, secret) = await InsertOneAsync(task, connection, tx, cancellationToken).ConfigureAwait(false);
        await using (var last = new NpgsqlCommand($"UPDATE {_schema}.queue_recurring SET last_task_id = @task WHERE id = @id", connection, tx)
            .With("task", TaskHandle.Format(taskId, secret)).With("id", id))
        {
            await last.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        _signal.Pulse();
        return taskId;
    }
}
