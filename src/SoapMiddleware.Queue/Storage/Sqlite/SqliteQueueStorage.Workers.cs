namespace SoapMiddleware.Queue.Storage.Sqlite;

/// <summary>Worker rows, dead-worker detection and fan-out subscription cursors.</summary>
internal sealed partial class SqliteQueueStorage
{
    public Task HeartbeatWorkerAsync(WorkerStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        return WriteAsync(async (connection, tx) =>
        {
            await using var command = Command(connection, tx, $"""
                INSERT INTO queue_worker ({TaskRowReader.WorkerColumns})
                VALUES ($id, $host, $pid, $state, $task, $pp, $pm, $processed, $failed, $last, $started, $now, $op)
                ON CONFLICT (worker_id) DO UPDATE SET host = excluded.host, process_id = excluded.process_id,
                    state = excluded.state, current_task_id = excluded.current_task_id, current_operation = excluded.current_operation,
                    progress_percent = excluded.progress_percent, progress_message = excluded.progress_message,
                    processed = excluded.processed, failed = excluded.failed, last_task_id = excluded.last_task_id,
                    started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at
                """).With("$id", status.WorkerId).With("$host", status.Host).With("$pid", status.ProcessId)
                .With("$state", (int)status.State).With("$task", status.CurrentTaskId).With("$op", status.CurrentOperation).With("$pp", status.ProgressPercent)
                .With("$pm", status.ProgressMessage).With("$processed", status.Processed).With("$failed", status.Failed)
                .With("$last", status.LastTaskId).With("$started", UnixTime.ToMs(status.StartedAt)).With("$now", UnixTime.Now(_time));
            var written = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (WorkerIds.CurrentRow(status) is { } row)
            {
                // In the same write as the worker's row: the task it runs names it from now on (no extra transaction).
                await using var claim = Command(connection, tx, $"UPDATE queue_task SET {WorkerIds.SqliteNameWorker.Replace("$w", "$id", StringComparison.Ordinal)} WHERE id = $row AND state = 2 AND {WorkerIds.SqliteHeldBy.Replace("$w", "$id", StringComparison.Ordinal)}")
                    .With("$id", status.WorkerId).With("$row", row);
                await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return written;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<WorkerStatus>> GetWorkersAsync(CancellationToken cancellationToken = default) =>
        ReadAsync($"SELECT {TaskRowReader.WorkerColumns} FROM queue_worker ORDER BY worker_id", _ => { }, TaskRowReader.ReadWorker, cancellationToken);

    public Task<int> PurgeAsync(DateTimeOffset finishedBefore, int maxCount, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, tx) =>
        {
            var cutoff = finishedBefore.ToUnixTimeMilliseconds();
            await using (var history = Command(connection, tx, """
                CREATE TEMP TABLE IF NOT EXISTS purge_ids (id INTEGER PRIMARY KEY);
                DELETE FROM purge_ids;
                INSERT INTO purge_ids SELECT id FROM queue_task WHERE state IN (3, 5) AND COALESCE(finished_at, created_at) < $cutoff LIMIT $n;
                DELETE FROM queue_task_history WHERE task_id IN (SELECT id FROM purge_ids);
                """).With("$cutoff", cutoff).With("$n", maxCount))
            {
                await history.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            int purged;
            await using (var tasks = Command(connection, tx, "DELETE FROM queue_task WHERE id IN (SELECT id FROM purge_ids)"))
            {
                purged = await tasks.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var workers = Command(connection, tx, "DELETE FROM queue_worker WHERE state IN (2, 3) AND heartbeat_at < $cutoff").With("$cutoff", cutoff))
            {
                await workers.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return purged;
        }, cancellationToken);

    /// <inheritdoc/>
    public async Task<int> MarkDeadWorkersAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var marked = await WriteAsync(async (connection, tx) =>
        {
            var now = UnixTime.Now(_time);
            var dead = new List<string>();
            await using (var command = Command(connection, tx,
                "UPDATE queue_worker SET state = 3 WHERE state IN (0, 1) AND heartbeat_at < $limit RETURNING worker_id")
                .With("$limit", now - (long)timeout.TotalMilliseconds))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    dead.Add(reader.GetString(0));
                }
            }

            foreach (var workerId in dead)
            {
                var reason = TaskReasons.WorkerDead(workerId);
                var tasks = new List<long>();
                await using (var command = Command(connection, tx,
                    "UPDATE queue_task SET lease_until = $now, due_at = $now, reason = $r WHERE state = 2 AND worker_id = $w RETURNING id")
                    .With("$now", now).With("$r", reason).With("$w", workerId))
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        tasks.Add(reader.GetInt64(0));
                    }
                }

                foreach (var id in tasks)
                {
                    await InsertHistoryAsync(connection, tx, id, now, QueuedTaskState.Processing, workerId, reason, cancellationToken).ConfigureAwait(false);
                }
            }

            return dead.Count;
        }, cancellationToken).ConfigureAwait(false);
        if (marked > 0)
        {
            _signal.Pulse();
        }

        return marked;
    }

    public async Task<long> GetSubscriptionCursorAsync(string subscriber, string queue, CancellationToken cancellationToken = default)
    {
        var rows = await ReadAsync("SELECT cursor_id FROM queue_subscription WHERE subscriber = $s AND queue = $q",
            c => c.With("$s", subscriber).With("$q", queue), r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? 0 : rows[0];
    }

    public Task<IReadOnlyList<DeliveredTask>> FetchForSubscriberAsync(string subscriber, string queue, long afterId, int maxCount, CancellationToken cancellationToken = default) =>
        ReadAsync($"""
            SELECT {TaskRowReader.FetchedColumns} FROM queue_task
            WHERE queue = $q AND id > $after AND state <> 5 ORDER BY id LIMIT $n
            """, c => c.With("$q", queue).With("$after", afterId).With("$n", maxCount),
            r => TaskRowReader.ReadDelivered(r, leased: false), cancellationToken);

    public Task AdvanceSubscriptionCursorAsync(string subscriber, string queue, long taskId, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, tx) =>
        {
            await using var command = Command(connection, tx, """
                INSERT INTO queue_subscription (subscriber, queue, cursor_id, updated_at) VALUES ($s, $q, $id, $now)
                ON CONFLICT (subscriber, queue) DO UPDATE SET cursor_id = MAX(cursor_id, excluded.cursor_id), updated_at = excluded.updated_at
                """).With("$s", subscriber).With("$q", queue).With("$id", taskId).With("$now", UnixTime.Now(_time));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
}
