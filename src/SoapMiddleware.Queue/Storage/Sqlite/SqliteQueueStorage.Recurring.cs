using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Queue.Storage.Sqlite;

/// <summary>Recurring calls: their rows, and enqueueing one occurrence exactly once.</summary>
internal sealed partial class SqliteQueueStorage
{
    public Task UpsertRecurringAsync(RecurringRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        return WriteAsync(async (connection, tx) =>
        {
            // last_run_at, last_task_id and created_at are left alone on update: replacing a definition does not
            // erase what it already did.
            await using var command = Command(connection, tx, """
                INSERT INTO queue_recurring (id, cron, time_zone, queue, service, operation, display, content_type, action,
                    payload, max_attempts, next_run_at, created_at)
                VALUES ($id, $cron, $tz, $queue, $service, $operation, $display, $ct, $action, $payload, $max, $next, $now)
                ON CONFLICT (id) DO UPDATE SET cron = excluded.cron, time_zone = excluded.time_zone, queue = excluded.queue,
                    service = excluded.service, operation = excluded.operation, display = excluded.display,
                    content_type = excluded.content_type, action = excluded.action, payload = excluded.payload,
                    max_attempts = excluded.max_attempts, next_run_at = excluded.next_run_at
                """).With("$id", row.Id).With("$cron", row.Cron).With("$tz", row.TimeZone).With("$queue", row.Call.Queue)
                .With("$service", row.Call.Service).With("$operation", row.Call.Operation).With("$display", row.Call.Display ?? "")
                .With("$ct", row.Call.ContentType).With("$action", row.Call.Action).With("$payload", row.Call.Payload)
                .With("$max", row.Call.MaxAttempts).With("$next", UnixTime.ToMs(row.NextRunAt)).With("$now", UnixTime.Now(_time));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<bool> RemoveRecurringAsync(string id, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, tx) =>
        {
            await using var command = Command(connection, tx, "DELETE FROM queue_recurring WHERE id = $id").With("$id", id);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);

    public Task<IReadOnlyList<RecurringRow>> ListRecurringAsync(CancellationToken cancellationToken = default) =>
        ReadAsync($"SELECT {TaskRowReader.RecurringColumns} FROM queue_recurring ORDER BY id", _ => { }, TaskRowReader.ReadRecurring, cancellationToken);

    public Task<IReadOnlyList<RecurringRow>> GetDueRecurringAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default) =>
        ReadAsync($"""
            SELECT {TaskRowReader.RecurringColumns} FROM queue_recurring
            WHERE next_run_at IS NOT NULL AND next_run_at <= $now ORDER BY next_run_at, id LIMIT $n
            """, c => c.With("$now", UnixTime.ToMs(now)).With("$n", maxCount), TaskRowReader.ReadRecurring, cancellationToken);

    public async Task<long?> TriggerRecurringAsync(
        string id, DateTimeOffset expectedNextRun, DateTimeOffset? nextRun, NewQueuedTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var enqueued = await WriteAsync(async (connection, tx) =>
        {
            var now = UnixTime.Now(_time);

            // The compare-and-set on next_run_at is what makes an occurrence exactly-once: BEGIN IMMEDIATE serializes
            // writers of every process, and only the first one still finds the expected time.
            await using (var claim = Command(connection, tx, """
                UPDATE queue_recurring SET next_run_at = $next, last_run_at = $now WHERE id = $id AND next_run_at = $expected
                """).With("$next", UnixTime.ToMs(nextRun)).With("$now", now).With("$id", id).With("$expected", UnixTime.ToMs(expectedNextRun)))
            {
                if (await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    return (long?)null;
                }
            }

            var (taskId, secret) = await InsertAsync(connection, tx, task, now, cancellationToken).ConfigureAwait(false);
            await using (var last = Command(connection, tx, "UPDATE queue_recurring SET last_task_id = $task WHERE id = $id")
                .With("$task", TaskHandle.Format(taskId, secret)).With("$id", id))
            {
                await last.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return taskId;
        }, cancellationToken).ConfigureAwait(false);
        if (enqueued is not null)
        {
            _signal.Pulse();
        }

        return enqueued;
    }
}
