using NpgsqlTypes;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.PostgreSql;

/// <summary>Queries for the dashboard, and the transitions a person starts (retry, delete).</summary>
public sealed partial class PostgreSqlQueueStorage
{
    /// <inheritdoc/>
    public async Task<QueuedTaskInfo?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        var list = await ReadAsync($"SELECT {TaskRowReader.InfoColumns} FROM {_schema}.queue_task WHERE id = @id",
            c => c.With("id", id), TaskRowReader.ReadInfo, cancellationToken).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<TaskHistoryEntry>> GetHistoryAsync(long id, CancellationToken cancellationToken = default) =>
        await ReadAsync($"SELECT at, state, worker_id, reason FROM {_schema}.queue_task_history WHERE task_id = @id ORDER BY id",
            c => c.With("id", id), TaskRowReader.ReadHistory, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<QueuedTaskInfo>> ListAsync(QueuedTaskState? state, string? queue, int skip, int take, CancellationToken cancellationToken = default)
    {
        var columns = TaskRowReader.InfoColumns.Replace("payload, result, fault", "NULL::bytea, NULL::bytea, NULL::bytea", StringComparison.Ordinal);
        return await ReadAsync($"""
            SELECT {columns} FROM {_schema}.queue_task
            WHERE (@state::integer IS NULL OR state = @state) AND (@queue::text IS NULL OR queue = @queue)
            ORDER BY id DESC LIMIT @take OFFSET @skip
            """,
            c => c.With("state", NpgsqlDbType.Integer, (int?)state).With("queue", queue)
                .With("take", NpgsqlDbType.Integer, take).With("skip", NpgsqlDbType.Integer, skip),
            TaskRowReader.ReadInfo, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await ReadAsync($"SELECT queue, state, count(*) FROM {_schema}.queue_task GROUP BY queue, state", _ => { },
            r => (r.GetString(0), (QueuedTaskState)r.GetInt32(1), r.GetInt64(2)), cancellationToken).ConfigureAwait(false);
        return TaskRowReader.ReadStats(rows);
    }

    /// <inheritdoc/>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        var changed = await TransitionAsync($"""
            UPDATE {_schema}.queue_task SET state = 1, attempt = 0, due_at = @now, not_before = NULL, lease_until = NULL,
                started_at = NULL, finished_at = NULL, result = NULL, result_content_type = NULL, fault = NULL,
                progress_percent = NULL, progress_message = NULL, reason = @reason, outcome = NULL
            WHERE id = @id AND state >= 3 RETURNING id, queue, state, reason
            """, null, c => c.With("id", id).With("reason", TaskReasons.RetriedByUser), cancellationToken).ConfigureAwait(false);
        await NotifyAsync(changed.Select(t => t.Queue), cancellationToken).ConfigureAwait(false);
        return changed.Count == 1;
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        var changed = await TransitionAsync($"""
            UPDATE {_schema}.queue_task SET state = 5, lease_until = NULL, due_at = NULL, finished_at = @now, reason = @reason, outcome = 5
            WHERE id = @id AND state <> 5 RETURNING id, queue, state, reason
            """, null, c => c.With("id", id).With("reason", TaskReasons.DeletedByUser), cancellationToken).ConfigureAwait(false);
        return changed.Count == 1;
    }
}
