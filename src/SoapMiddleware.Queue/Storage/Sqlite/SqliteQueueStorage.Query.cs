using Microsoft.Data.Sqlite;

namespace SoapMiddleware.Queue.Storage.Sqlite;

/// <summary>Queries for the dashboard, and the transitions a person starts (retry, delete).</summary>
internal sealed partial class SqliteQueueStorage
{
    public async Task<QueuedTaskInfo?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        var list = await ReadAsync($"SELECT {TaskRowReader.InfoColumns} FROM queue_task WHERE id = $id",
            c => c.With("$id", id), TaskRowReader.ReadInfo, cancellationToken).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    public Task<IReadOnlyList<TaskHistoryEntry>> GetHistoryAsync(long id, CancellationToken cancellationToken = default) =>
        ReadAsync("SELECT at, state, worker_id, reason FROM queue_task_history WHERE task_id = $id ORDER BY id",
            c => c.With("$id", id), TaskRowReader.ReadHistory, cancellationToken);

    public Task<IReadOnlyList<QueuedTaskInfo>> ListAsync(QueuedTaskState? state, string? queue, int skip, int take, CancellationToken cancellationToken = default)
    {
        var columns = TaskRowReader.InfoColumns.Replace("payload, result, fault", "NULL, NULL, NULL", StringComparison.Ordinal);
        return ReadAsync($"""
            SELECT {columns} FROM queue_task
            WHERE ($state IS NULL OR state = $state) AND ($queue IS NULL OR queue = $queue)
            ORDER BY id DESC LIMIT $take OFFSET $skip
            """,
            c => c.With("$state", (int?)state).With("$queue", queue).With("$take", take).With("$skip", skip),
            TaskRowReader.ReadInfo, cancellationToken);
    }

    public async Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await ReadAsync("SELECT queue, state, COUNT(*) FROM queue_task GROUP BY queue, state", _ => { },
            r => (r.GetString(0), (QueuedTaskState)r.GetInt32(1), r.GetInt64(2)), cancellationToken).ConfigureAwait(false);
        return TaskRowReader.ReadStats(rows);
    }

    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        var retried = await TransitionAsync(id, """
            UPDATE queue_task SET state = 1, attempt = 0, due_at = $now, not_before = NULL, lease_until = NULL,
                started_at = NULL, finished_at = NULL, result = NULL, result_content_type = NULL, fault = NULL,
                progress_percent = NULL, progress_message = NULL, reason = $reason, outcome = NULL
            WHERE id = $id AND state >= 3
            """, QueuedTaskState.Enqueued, TaskReasons.RetriedByUser, cancellationToken).ConfigureAwait(false);
        if (retried)
        {
            _signal.Pulse();
        }

        return retried;
    }

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, """
            UPDATE queue_task SET state = 5, lease_until = NULL, due_at = NULL, finished_at = $now, reason = $reason, outcome = 5
            WHERE id = $id AND state <> 5
            """, QueuedTaskState.Deleted, TaskReasons.DeletedByUser, cancellationToken);

    private Task<bool> TransitionAsync(long id, string sql, QueuedTaskState state, string reason, CancellationToken cancellationToken) =>
        WriteAsync(async (connection, tx) =>
        {
            var now = UnixTime.Now(_time);
            await using var command = Command(connection, tx, sql).With("$now", now).With("$reason", reason).With("$id", id);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false;
            }

            await InsertHistoryAsync(connection, tx, id, now, state, null, reason, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private async Task<IReadOnlyList<T>> ReadAsync<T>(string sql, Action<SqliteCommand> bind, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(map(reader));
        }

        return list;
    }
}
