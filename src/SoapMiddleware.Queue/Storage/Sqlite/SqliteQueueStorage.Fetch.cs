using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SoapMiddleware.Queue.Storage.Sqlite;

/// <summary>Fetch under a lease and the worker-side transitions; each only while the worker still holds the task.</summary>
internal sealed partial class SqliteQueueStorage
{
    // A task is fetched for a process ({host}:{pid}:{tag}) and then run by one of its workers ({process}/{n}): either
    // id holds it, so the process's lease renewals and the worker's outcome both apply (see WorkerIds).
    private const string HeldBy = "id = $id AND state = 2 AND " + WorkerIds.SqliteHeldBy;

    // The worker that reports on a task becomes its worker_id, so the task names the worker the workers API lists.
    private const string NameWorker = WorkerIds.SqliteNameWorker;

    public async Task<IReadOnlyList<FetchedTask>> FetchAsync(
        IReadOnlyList<string> queues, string workerId, int maxCount, TimeSpan lease, IReadOnlyDictionary<string, int>? concurrency = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queues);
        var limits = concurrency ?? ReadOnlyDictionary<string, int>.Empty;
        if (queues.Count == 0 || maxCount <= 0)
        {
            return [];
        }

        return await WriteAsync(async (connection, tx) =>
        {
            var now = UnixTime.Now(_time);
            var leaseUntil = now + (long)lease.TotalMilliseconds;
            var queueParams = string.Join(", ", queues.Select((_, i) => "$q" + i.ToString(CultureInfo.InvariantCulture)));
            var due = new List<(long Id, QueuedTaskState State, string? Worker)>();
            await using (var select = Command(connection, tx, limits.Count == 0 ? $"""
                SELECT id, state, worker_id FROM queue_task
                WHERE state <= 2 AND queue IN ({queueParams}) AND due_at <= $now
                ORDER BY due_at, id LIMIT $n
                """ : LimitedFetchSql(queueParams, limits.Count)).With("$now", now).With("$n", maxCount))
            {
                for (var i = 0; i < queues.Count; i++)
                {
                    select.With("$q" + i.ToString(CultureInfo.InvariantCulture), queues[i]);
                }

                var limit = 0;
                foreach (var (operation, most) in limits)
                {
                    var n = limit++.ToString(CultureInfo.InvariantCulture);
                    select.With("$o" + n, operation).With("$l" + n, most);
                }

                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    due.Add((reader.GetInt64(0), (QueuedTaskState)reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
                }
            }

            var fetched = new List<FetchedTask>(due.Count);
            foreach (var (id, state, previousWorker) in due)
            {
                await using var update = Command(connection, tx, $"""
                    UPDATE queue_task SET state = 2, worker_id = $w, lease_until = $lease, due_at = $lease,
                        attempt = attempt + 1, started_at = $now, progress_percent = NULL, progress_message = NULL
                    WHERE id = $id
                    RETURNING {TaskRowReader.FetchedColumns}
                    """).With("$w", workerId).With("$lease", leaseUntil).With("$now", now).With("$id", id);
                DeliveredTask task;
                await using (var reader = await update.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    task = TaskRowReader.ReadDelivered(reader, leased: true);
                }

                var reason = state == QueuedTaskState.Processing
                    ? TaskReasons.Redelivered(task.Attempt, previousWorker)
                    : TaskReasons.Fetched(task.Attempt);
                await SetReasonAndHistoryAsync(connection, tx, id, now, QueuedTaskState.Processing, workerId, reason, cancellationToken).ConfigureAwait(false);
                fetched.Add(new LeasedTask(this, this, task, workerId));
            }

            return (IReadOnlyList<FetchedTask>)fetched;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The due tasks of operations without a limit, plus, for each limited operation, as many of its first due tasks
    /// as it has free places (its limit minus its tasks processing under a live lease, in any queue). Writes are
    /// serialized by the database, so no two fetches count the same free place.
    /// </summary>
    private static string LimitedFetchSql(string queueParams, int limits)
    {
        var due = $"state <= 2 AND queue IN ({queueParams}) AND due_at <= $now";
        var operations = string.Join(", ", Enumerable.Range(0, limits).Select(i => "$o" + i.ToString(CultureInfo.InvariantCulture)));
        var sql = new StringBuilder($"SELECT id, state, worker_id, due_at FROM queue_task WHERE {due} AND operation NOT IN ({operations})");
        for (var i = 0; i < limits; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(CultureInfo.InvariantCulture, $"""

                UNION ALL SELECT * FROM (SELECT id, state, worker_id, due_at FROM queue_task WHERE {due} AND operation = $o{n}
                    ORDER BY due_at, id
                    LIMIT max(0, $l{n} - (SELECT count(*) FROM queue_task WHERE state = 2 AND operation = $o{n} AND lease_until > $now)))
                """);
        }

        return sql.Append("\nORDER BY due_at, id LIMIT $n").ToString();
    }

    public Task<bool> RenewLeaseAsync(long id, string workerId, TimeSpan lease, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, tx) =>
        {
            var until = UnixTime.After(_time, lease);
            await using var command = Command(connection, tx, $"UPDATE queue_task SET lease_until = $u, due_at = $u WHERE {HeldBy}")
                .With("$u", until).With("$id", id).With("$w", workerId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);

    public Task<int> CompleteAsync(IReadOnlyList<TaskCompletion> completions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completions);
        if (completions.Count == 0)
        {
            return Task.FromResult(0);
        }

        return WriteAsync(async (connection, tx) =>
        {
            var now = UnixTime.Now(_time);
            var applied = 0;
            foreach (var c in completions)
            {
                await using var command = Command(connection, tx, $"""
                    UPDATE queue_task SET state = 3, result = $result, result_content_type = $ct, finished_at = $now,
                        lease_until = NULL, due_at = NULL, progress_percent = 100, reason = $reason, outcome = 0, {NameWorker}
                    WHERE {HeldBy}
                    """).With("$result", c.Result).With("$ct", c.ResultContentType).With("$now", now)
                    .With("$reason", TaskReasons.Succeeded).With("$id", c.Id).With("$w", c.WorkerId);
                if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
                {
                    applied++;
                    await InsertHistoryAsync(connection, tx, c.Id, now, QueuedTaskState.Succeeded, c.WorkerId, TaskReasons.Succeeded, cancellationToken).ConfigureAwait(false);
                }
            }

            return applied;
        }, cancellationToken);
    }

    public Task<bool> FailAsync(long id, string workerId, TaskOutcome outcome, byte[]? fault, string reason, DateTimeOffset? retryAt, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, tx) =>
        {
            var now = UnixTime.Now(_time);
            var retryMs = UnixTime.ToMs(retryAt);
            await using var command = Command(connection, tx, retryMs is null
                ? $"UPDATE queue_task SET state = 4, fault = $fault, finished_at = $now, lease_until = NULL, due_at = NULL, reason = $reason, outcome = $outcome, {NameWorker} WHERE {HeldBy} RETURNING attempt, max_attempts"
                : $"UPDATE queue_task SET state = 0, fault = $fault, not_before = $at, due_at = $at, lease_until = NULL, outcome = $outcome, {NameWorker} WHERE {HeldBy} RETURNING attempt, max_attempts")
                .With("$outcome", (int)outcome).With("$fault", fault).With("$now", now).With("$at", retryMs).With("$reason", reason).With("$id", id).With("$w", workerId);
            int attempt, max;
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                (attempt, max) = (reader.GetInt32(0), reader.GetInt32(1));
            }

            var text = retryMs is { } at ? TaskReasons.Retry(attempt, max, at, reason) : reason;
            var state = retryMs is null ? QueuedTaskState.Failed : QueuedTaskState.Scheduled;
            await SetReasonAndHistoryAsync(connection, tx, id, now, state, workerId, text, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public async Task<bool> ReleaseAsync(long id, string workerId, string reason, CancellationToken cancellationToken = default)
    {
        var released = await WriteAsync(async (connection, tx) =>
        {
            var now = UnixTime.Now(_time);
            await using var command = Command(connection, tx, $"""
                UPDATE queue_task SET state = 1, attempt = MAX(attempt - 1, 0), lease_until = NULL, due_at = $now,
                    started_at = NULL, progress_percent = NULL, progress_message = NULL, outcome = 4
                WHERE {HeldBy}
                """).With("$now", now).With("$id", id).With("$w", workerId);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false;
            }

            await SetReasonAndHistoryAsync(connection, tx, id, now, QueuedTaskState.Enqueued, workerId, TaskReasons.Released(reason), cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (released)
        {
            _signal.Pulse();
        }

        return released;
    }

    public Task<bool> ReportProgressAsync(long id, string workerId, int percent, string? message, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, tx) =>
        {
            await using var command = Command(connection, tx, $"UPDATE queue_task SET progress_percent = $p, progress_message = $m, {NameWorker} WHERE {HeldBy}")
                .With("$p", Math.Clamp(percent, 0, 100)).With("$m", message).With("$id", id).With("$w", workerId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);

    private static async Task SetReasonAndHistoryAsync(
        SqliteConnection connection, SqliteTransaction tx, long id, long now, QueuedTaskState state, string? workerId, string reason, CancellationToken cancellationToken)
    {
        await using (var command = Command(connection, tx, "UPDATE queue_task SET reason = $r WHERE id = $id").With("$r", reason).With("$id", id))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await InsertHistoryAsync(connection, tx, id, now, state, workerId, reason, cancellationToken).ConfigureAwait(false);
    }
}
