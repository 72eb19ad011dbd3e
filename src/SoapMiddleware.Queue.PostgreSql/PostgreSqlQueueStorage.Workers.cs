using NpgsqlTypes;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.PostgreSql;

/// <summary>Worker rows, dead-worker detection and fan-out subscription cursors.</summary>
public sealed partial class PostgreSqlQueueStorage
{
    /// <inheritdoc/>
    public Task HeartbeatWorkerAsync(WorkerStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);

        // In the same statement as the worker's row: the task it runs names it from now on (no extra round trip).
        var claim = WorkerIds.CurrentRow(status) is null ? string.Empty : $"""
            ;
            UPDATE {_schema}.queue_task SET {WorkerIds.PostgreSqlNameWorker.Replace("@w", "@id", StringComparison.Ordinal)}
            WHERE id = @row AND state = 2 AND {WorkerIds.PostgreSqlHeldBy.Replace("@w", "@id", StringComparison.Ordinal)}
            """;
        return NonQueryAsync($"""
            INSERT INTO {_schema}.queue_worker ({TaskRowReader.WorkerColumns})
            VALUES (@id, @host, @pid, @state, @task, @pp, @pm, @processed, @failed, @last, @started, @now, @op)
            ON CONFLICT (worker_id) DO UPDATE SET host = excluded.host, process_id = excluded.process_id,
                state = excluded.state, current_task_id = excluded.current_task_id, current_operation = excluded.current_operation,
                progress_percent = excluded.progress_percent, progress_message = excluded.progress_message,
                processed = excluded.processed, failed = excluded.failed, last_task_id = excluded.last_task_id,
                started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at{claim}
            """, c => c.With("id", status.WorkerId).With("row", NpgsqlDbType.Bigint, WorkerIds.CurrentRow(status)).With("host", status.Host).With("pid", NpgsqlDbType.Integer, status.ProcessId)
                .With("state", NpgsqlDbType.Integer, (int)status.State).With("task", status.CurrentTaskId).With("op", status.CurrentOperation)
                .With("pp", NpgsqlDbType.Integer, status.ProgressPercent).With("pm", status.ProgressMessage)
                .With("processed", status.Processed).With("failed", status.Failed).With("last", status.LastTaskId)
                .With("started", UnixTime.ToMs(status.StartedAt)).With("now", UnixTime.Now(_time)), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<WorkerStatus>> GetWorkersAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync($"SELECT {TaskRowReader.WorkerColumns} FROM {_schema}.queue_worker ORDER BY worker_id", _ => { },
            TaskRowReader.ReadWorker, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<int> PurgeAsync(DateTimeOffset finishedBefore, int maxCount, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            WITH gone AS (
                DELETE FROM {_schema}.queue_task WHERE id IN (
                    SELECT id FROM {_schema}.queue_task WHERE state IN (3, 5) AND COALESCE(finished_at, created_at) < @cutoff LIMIT @n)
                RETURNING id),
            h AS (DELETE FROM {_schema}.queue_task_history WHERE task_id IN (SELECT id FROM gone)),
            w AS (DELETE FROM {_schema}.queue_worker WHERE state IN (2, 3) AND heartbeat_at < @cutoff)
            SELECT count(*)::integer FROM gone
            """;
        var rows = await ReadAsync(sql, c => c.With("cutoff", finishedBefore.ToUnixTimeMilliseconds()).With("n", maxCount),
            r => r.GetInt32(0), cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    /// <inheritdoc/>
    public async Task<int> MarkDeadWorkersAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        // The reason mirrors TaskReasons.WorkerDead.
        var sql = $"""
            WITH dead AS (
                UPDATE {_schema}.queue_worker SET state = 3 WHERE state IN (0, 1) AND heartbeat_at < @limit RETURNING worker_id),
            upd AS (
                UPDATE {_schema}.queue_task t SET lease_until = @now, due_at = @now, reason = 'Worker ' || t.worker_id || ' is dead: lease released'
                FROM dead d WHERE t.state = 2 AND t.worker_id = d.worker_id
                RETURNING t.id, t.queue, t.worker_id, t.reason),
            h AS (INSERT INTO {_schema}.queue_task_history (task_id, at, state, worker_id, reason) SELECT id, @now, 2, worker_id, reason FROM upd)
            SELECT (SELECT count(*)::integer FROM dead), (SELECT array_agg(DISTINCT queue) FROM upd)
            """;
        var now = UnixTime.Now(_time);
        var rows = await ReadAsync(sql, c => c.With("now", now).With("limit", now - (long)timeout.TotalMilliseconds),
            r => (Count: r.GetInt32(0), Queues: r.IsDBNull(1) ? [] : r.GetFieldValue<string[]>(1)), cancellationToken).ConfigureAwait(false);
        if (rows[0].Queues.Length > 0)
        {
            await NotifyAsync(rows[0].Queues, cancellationToken).ConfigureAwait(false);
        }

        return rows[0].Count;
    }

    /// <inheritdoc/>
    public async Task<long> GetSubscriptionCursorAsync(string subscriber, string queue, CancellationToken cancellationToken = default)
    {
        var rows = await ReadAsync($"SELECT cursor_id FROM {_schema}.queue_subscription WHERE subscriber = @s AND queue = @q",
            c => c.With("s", subscriber).With("q", queue), r => r.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? 0 : rows[0];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DeliveredTask>> FetchForSubscriberAsync(string subscriber, string queue, long afterId, int maxCount, CancellationToken cancellationToken = default) =>
        await ReadAsync($"""
            SELECT {TaskRowReader.FetchedColumns} FROM {_schema}.queue_task
            WHERE queue = @q AND id > @after AND state <> 5 ORDER BY id LIMIT @n
            """, c => c.With("q", queue).With("after", afterId).With("n", NpgsqlDbType.Integer, maxCount),
            r => TaskRowReader.ReadDelivered(r, leased: false), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public Task AdvanceSubscriptionCursorAsync(string subscriber, string queue, long taskId, CancellationToken cancellationToken = default) =>
        NonQueryAsync($"""
            INSERT INTO {_schema}.queue_subscription (subscriber, queue, cursor_id, updated_at) VALUES (@s, @q, @id, @now)
            ON CONFLICT (subscriber, queue) DO UPDATE
                SET cursor_id = GREATEST(queue_subscription.cursor_id, excluded.cursor_id), updated_at = excluded.updated_at
            """, c => c.With("s", subscriber).With("q", queue).With("id", taskId).With("now", UnixTime.Now(_time)), cancellationToken);
}
