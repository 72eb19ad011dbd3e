using System.Collections.ObjectModel;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.PostgreSql;

/// <summary>Fetch under a lease and the worker-side transitions; each one statement, only while the worker holds the task.</summary>
public sealed partial class PostgreSqlQueueStorage
{
    // A task is fetched for a process and run by one of its workers ({process}/{n}): either id holds it (see WorkerIds).
    private const string HeldBy = "id = @id AND state = 2 AND " + WorkerIds.PostgreSqlHeldBy;

    // The worker that reports on a task becomes its worker_id, so the task names the worker the workers API lists.
    private const string NameWorker = WorkerIds.PostgreSqlNameWorker;

    // Tasks of a limited operation are picked only among its first due tasks while it has free places: its limit
    // minus its tasks processing under a live lease, in any queue and any process.
    private string LimitedPick => $"""
        allowed AS (
            SELECT x.id FROM unnest(@ops, @limits) AS l(op, most)
            CROSS JOIN LATERAL (
                SELECT t.id FROM {_schema}.queue_task t
                WHERE t.state <= 2 AND t.queue = ANY(@queues) AND t.due_at <= @now AND t.operation = l.op
                ORDER BY t.due_at, t.id
                LIMIT GREATEST(0, l.most - (SELECT count(*) FROM {_schema}.queue_task b WHERE b.state = 2 AND b.operation = l.op AND b.lease_until > @now))) x),
        """;

    // The reasons mirror TaskReasons.Fetched and TaskReasons.Redelivered.
    private string FetchSql => $"""
        WITH picked AS (
            SELECT id, state AS old_state, worker_id AS old_worker, due_at AS old_due FROM {_schema}.queue_task
            WHERE state <= 2 AND queue = ANY(@queues) AND due_at <= @now
            ORDER BY due_at, id LIMIT @n
            FOR UPDATE SKIP LOCKED),
        {FetchTail}
        """;

    // Fetches with limits take turns (a transaction-scoped advisory lock), so no two processes count the same free
    // place: each one's statement starts after the previous one committed, and sees its picks.
    private string LimitedFetchSql => $"""
        SELECT pg_advisory_xact_lock({FetchLockKey});
        WITH {LimitedPick}
        picked AS (
            SELECT id, state AS old_state, worker_id AS old_worker, due_at AS old_due FROM {_schema}.queue_task
            WHERE state <= 2 AND queue = ANY(@queues) AND due_at <= @now
                AND (operation <> ALL(@ops) OR id IN (SELECT id FROM allowed))
            ORDER BY due_at, id LIMIT @n
            FOR UPDATE SKIP LOCKED),
        {FetchTail}
        """;

    /// <summary>Serializes the fetches that count running tasks against limits (0x534F41504D5746, "SOAPMWF").</summary>
    private const string FetchLockKey = "23449565005698886";

    private string FetchTail => $"""
        upd AS (
            UPDATE {_schema}.queue_task t SET state = 2, worker_id = @w, lease_until = @lease, due_at = @lease,
                attempt = t.attempt + 1, started_at = @now, progress_percent = NULL, progress_message = NULL,
                reason = CASE WHEN p.old_state = 2
                    THEN 'Lease of ' || COALESCE(p.old_worker, '?') || ' expired: redelivered, attempt ' || (t.attempt + 1)
                    ELSE 'Fetched, attempt ' || (t.attempt + 1) END
            FROM picked p WHERE t.id = p.id
            RETURNING t.*),
        h AS (INSERT INTO {_schema}.queue_task_history (task_id, at, state, worker_id, reason) SELECT id, @now, 2, @w, reason FROM upd)
        SELECT {TaskRowReader.FetchedColumns} FROM upd JOIN picked p USING (id) ORDER BY p.old_due, id
        """;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<FetchedTask>> FetchAsync(
        IReadOnlyList<string> queues, string workerId, int maxCount, TimeSpan lease, IReadOnlyDictionary<string, int>? concurrency = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queues);
        var limits = concurrency ?? ReadOnlyDictionary<string, int>.Empty;
        if (queues.Count == 0 || maxCount <= 0)
        {
            return [];
        }

        var now = UnixTime.Now(_time);
        await using var command = Command(limits.Count == 0 ? FetchSql : LimitedFetchSql)
            .With("queues", NpgsqlDbType.Array | NpgsqlDbType.Text, queues.ToArray()).With("now", now)
            .With("n", NpgsqlDbType.Integer, maxCount).With("w", workerId).With("lease", now + (long)lease.TotalMilliseconds);
        if (limits.Count > 0)
        {
            command.With("ops", NpgsqlDbType.Array | NpgsqlDbType.Text, limits.Keys.ToArray())
                .With("limits", NpgsqlDbType.Array | NpgsqlDbType.Integer, limits.Values.ToArray());
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (limits.Count > 0)
        {
            // The first result is the advisory lock's.
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        var fetched = new List<FetchedTask>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            fetched.Add(new LeasedTask(this, this, TaskRowReader.ReadDelivered(reader, leased: true), workerId));
        }

        return fetched;
    }

    /// <summary>The leased task's lease renewal, by id (see <see cref="FetchedTask"/>).</summary>
    /// <inheritdoc/>
    public async Task<bool> RenewLeaseAsync(long id, string workerId, TimeSpan lease, CancellationToken cancellationToken = default) =>
        await NonQueryAsync($"UPDATE {_schema}.queue_task SET lease_until = @u, due_at = @u WHERE {HeldBy}",
            c => c.With("u", UnixTime.After(_time, lease)).With("id", id).With("w", workerId), cancellationToken).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public async Task<int> CompleteAsync(IReadOnlyList<TaskCompletion> completions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completions);
        if (completions.Count == 0)
        {
            return 0;
        }

        var sql = $"""
            WITH c AS (SELECT * FROM unnest(@ids, @workers, @results, @cts) AS c(id, worker_id, result, ct)),
            upd AS (
                UPDATE {_schema}.queue_task t SET state = 3, result = c.result, result_content_type = c.ct, finished_at = @now,
                    lease_until = NULL, due_at = NULL, progress_percent = 100, reason = @reason, outcome = 0,
                    worker_id = CASE WHEN length(c.worker_id) > length(t.worker_id) THEN c.worker_id ELSE t.worker_id END
                FROM c WHERE t.id = c.id AND t.state = 2 AND (t.worker_id = c.worker_id
                    OR substr(c.worker_id, 1, length(t.worker_id) + 1) = t.worker_id || '/'
                    OR substr(t.worker_id, 1, length(c.worker_id) + 1) = c.worker_id || '/')
                RETURNING t.id, t.worker_id),
            h AS (INSERT INTO {_schema}.queue_task_history (task_id, at, state, worker_id, reason) SELECT id, @now, 3, worker_id, @reason FROM upd)
            SELECT count(*)::integer FROM upd
            """;
        await using var command = Command(sql)
            .With("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint, completions.Select(c => c.Id).ToArray())
            .With("workers", NpgsqlDbType.Array | NpgsqlDbType.Text, completions.Select(c => c.WorkerId).ToArray())
            .With("results", NpgsqlDbType.Array | NpgsqlDbType.Bytea, completions.Select(c => c.Result).ToArray())
            .With("cts", NpgsqlDbType.Array | NpgsqlDbType.Text, completions.Select(c => c.ResultContentType).ToArray())
            .With("now", UnixTime.Now(_time)).With("reason", TaskReasons.Succeeded);
        return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The leased task's fail, by id (see <see cref="FetchedTask"/>).</summary>
    /// <inheritdoc/>
    public async Task<bool> FailAsync(long id, string workerId, TaskOutcome outcome, byte[]? fault, string reason, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
    {
        // The retry reason mirrors TaskReasons.Retry.
        var update = retryAt is null
            ? $"UPDATE {_schema}.queue_task SET state = 4, fault = @fault, finished_at = @now, lease_until = NULL, due_at = NULL, reason = @reason, outcome = @outcome, {NameWorker} WHERE {HeldBy} RETURNING id, queue, state, reason"
            : $"""
              UPDATE {_schema}.queue_task SET state = 0, fault = @fault, not_before = @at, due_at = @at, lease_until = NULL,
                  reason = 'Retry ' || attempt || ' of ' || GREATEST(max_attempts - 1, 0) || ' at ' || @atText || ': ' || @reason, outcome = @outcome,
                  {NameWorker}
              WHERE {HeldBy} RETURNING id, queue, state, reason
              """;
        var at = UnixTime.ToMs(retryAt);
        var changed = await TransitionAsync(update, workerId, c => c
            .With("outcome", NpgsqlDbType.Integer, (int)outcome).With("fault", NpgsqlDbType.Bytea, fault).With("reason", reason).With("id", id).With("w", workerId)
            .With("at", NpgsqlDbType.Bigint, at)
            .With("atText", at is { } ms ? UnixTime.FromMs(ms).ToString("O", CultureInfo.InvariantCulture) : null), cancellationToken).ConfigureAwait(false);
        return changed.Count == 1;
    }

    /// <summary>The leased task's release, by id (see <see cref="FetchedTask"/>).</summary>
    /// <inheritdoc/>
    public async Task<bool> ReleaseAsync(long id, string workerId, string reason, CancellationToken cancellationToken = default)
    {
        var changed = await TransitionAsync($"""
            UPDATE {_schema}.queue_task SET state = 1, attempt = GREATEST(attempt - 1, 0), lease_until = NULL, due_at = @now,
                started_at = NULL, progress_percent = NULL, progress_message = NULL, reason = @reason, outcome = 4
            WHERE {HeldBy} RETURNING id, queue, state, reason
            """, workerId, c => c.With("reason", TaskReasons.Released(reason)).With("id", id).With("w", workerId), cancellationToken).ConfigureAwait(false);
        await NotifyAsync(changed.Select(t => t.Queue), cancellationToken).ConfigureAwait(false);
        return changed.Count == 1;
    }

    /// <summary>The leased task's progress, by id (see <see cref="FetchedTask"/>).</summary>
    /// <inheritdoc/>
    public async Task<bool> ReportProgressAsync(long id, string workerId, int percent, string? message, CancellationToken cancellationToken = default) =>
        await NonQueryAsync($"UPDATE {_schema}.queue_task SET progress_percent = @p, progress_message = @m, {NameWorker} WHERE {HeldBy}",
            c => c.With("p", NpgsqlDbType.Integer, Math.Clamp(percent, 0, 100)).With("m", message).With("id", id).With("w", workerId),
            cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>
    /// Runs <paramref name="update"/> (an <c>UPDATE queue_task ... RETURNING id, queue, state, reason</c>; it may use
    /// <c>@now</c>) and writes a history row per changed task, in one statement.
    /// </summary>
    private async Task<List<(long Id, string Queue)>> TransitionAsync(string update, string? historyWorker, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH upd AS ({update}),
            h AS (INSERT INTO {_schema}.queue_task_history (task_id, at, state, worker_id, reason) SELECT id, @now, state, @hw, reason FROM upd)
            SELECT id, queue FROM upd
            """;
        return await ReadAsync(sql, c =>
        {
            bind(c);
            c.With("now", UnixTime.Now(_time)).With("hw", historyWorker);
        }, r => (r.GetInt64(0), r.GetString(1)), cancellationToken).ConfigureAwait(false);
    }
}
