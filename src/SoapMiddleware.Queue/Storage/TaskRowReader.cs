using System.Data.Common;
using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Queue.Storage;

/// <summary>
/// Column lists and row mapping shared by the SQL storages (SQLite, PostgreSQL, or a SQL storage of your own with the
/// same layout): the same column names, integer-millisecond times (<see cref="UnixTime"/>), and the rows every storage
/// must produce (<see cref="QueuedTaskInfo"/> with a <see cref="TaskHandle"/> as its id, <see cref="DeliveredTask"/>,
/// <see cref="WorkerStatus"/>, <see cref="RecurringRow"/>, <see cref="TaskHistoryEntry"/>, <see cref="QueueStats"/>).
/// </summary>
public static class TaskRowReader
{
    /// <summary>Columns for <see cref="ReadInfo"/>, byte columns last.</summary>
    public const string InfoColumns =
        "id, queue, service, operation, content_type, action, state, attempt, max_attempts, idempotency_key, " +
        "worker_id, progress_percent, progress_message, reason, created_at, not_before, started_at, finished_at, " +
        "lease_until, result_content_type, secret, display, outcome, enqueued_by, payload, result, fault";

    /// <summary>The engine every row read here belongs to.</summary>
    public const string EngineName = "Builtin";

    /// <summary>Columns for <see cref="ReadDelivered"/>.</summary>
    public const string FetchedColumns =
        "id, queue, service, operation, content_type, action, payload, attempt, max_attempts, created_at, lease_until, secret, trace_parent, enqueued_by";

    /// <summary>Columns for <see cref="ReadWorker"/>.</summary>
    public const string WorkerColumns =
        "worker_id, host, process_id, state, current_task_id, progress_percent, progress_message, processed, failed, " +
        "last_task_id, started_at, heartbeat_at, current_operation";

    /// <summary>Columns for <see cref="ReadRecurring"/>.</summary>
    public const string RecurringColumns =
        "id, cron, time_zone, queue, service, operation, display, content_type, action, payload, max_attempts, " +
        "next_run_at, last_run_at, last_task_id";

    /// <summary>A task row read with <see cref="InfoColumns"/>.</summary>
    public static QueuedTaskInfo ReadInfo(DbDataReader r) => new()
    {
        Id = TaskHandle.Format(r.GetInt64(0), r.GetString(20)),
        Engine = EngineName,
        Display = Str(r, 21),
        Queue = r.GetString(1),
        Service = r.GetString(2),
        Operation = r.GetString(3),
        ContentType = r.GetString(4),
        Action = Str(r, 5),
        State = (QueuedTaskState)r.GetInt32(6),
        Attempt = r.GetInt32(7),
        MaxAttempts = r.GetInt32(8),
        IdempotencyKey = Str(r, 9),
        WorkerId = Str(r, 10),
        ProgressPercent = r.IsDBNull(11) ? null : r.GetInt32(11),
        ProgressMessage = Str(r, 12),
        Reason = Str(r, 13),
        CreatedAt = UnixTime.FromMs(r.GetInt64(14)),
        NotBefore = Time(r, 15),
        StartedAt = Time(r, 16),
        FinishedAt = Time(r, 17),
        LeaseUntil = Time(r, 18),
        ResultContentType = Str(r, 19),
        Outcome = r.IsDBNull(22) ? null : (TaskOutcome)r.GetInt32(22),
        EnqueuedBy = Str(r, 23),
        Payload = Bytes(r, 24),
        Result = Bytes(r, 25),
        Fault = Bytes(r, 26),
    };

    /// <summary>A task row read with <see cref="FetchedColumns"/>; <paramref name="leased"/> keeps its lease time.</summary>
    public static DeliveredTask ReadDelivered(DbDataReader r, bool leased) => new()
    {
        Id = r.GetInt64(0),
        Handle = TaskHandle.Format(r.GetInt64(0), r.GetString(11)),
        Call = new QueuedCall
        {
            Queue = r.GetString(1),
            Service = r.GetString(2),
            Operation = r.GetString(3),
            ContentType = r.GetString(4),
            Action = Str(r, 5),
            Payload = Bytes(r, 6) ?? [],
            MaxAttempts = r.GetInt32(8),
            TraceParent = Str(r, 12),
            EnqueuedBy = Str(r, 13),
        },
        Attempt = r.GetInt32(7),
        EnqueuedAt = UnixTime.FromMs(r.GetInt64(9)),
        LeaseUntil = leased ? Time(r, 10) : null,
    };

    /// <summary>A worker row read with <see cref="WorkerColumns"/>.</summary>
    public static WorkerStatus ReadWorker(DbDataReader r) => new()
    {
        WorkerId = r.GetString(0),
        Host = r.GetString(1),
        ProcessId = r.GetInt32(2),
        State = (WorkerState)r.GetInt32(3),
        CurrentTaskId = Str(r, 4),
        CurrentOperation = Str(r, 12),
        ProgressPercent = r.IsDBNull(5) ? null : r.GetInt32(5),
        ProgressMessage = Str(r, 6),
        Processed = r.GetInt64(7),
        Failed = r.GetInt64(8),
        LastTaskId = Str(r, 9),
        StartedAt = UnixTime.FromMs(r.GetInt64(10)),
        HeartbeatAt = UnixTime.FromMs(r.GetInt64(11)),
    };

    /// <summary>A recurring row read with <see cref="RecurringColumns"/>.</summary>
    public static RecurringRow ReadRecurring(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        Cron = r.GetString(1),
        TimeZone = r.GetString(2),
        Call = new QueuedCall
        {
            Queue = r.GetString(3),
            Service = r.GetString(4),
            Operation = r.GetString(5),
            Display = r.GetString(6),
            ContentType = r.GetString(7),
            Action = Str(r, 8),
            Payload = Bytes(r, 9) ?? [],
            MaxAttempts = r.GetInt32(10),
        },
        NextRunAt = Time(r, 11),
        LastRunAt = Time(r, 12),
        LastTaskId = Str(r, 13),
    };

    /// <summary>A history row read as <c>at, state, worker_id, reason</c>.</summary>
    public static TaskHistoryEntry ReadHistory(DbDataReader r) =>
        new(UnixTime.FromMs(r.GetInt64(0)), (QueuedTaskState)r.GetInt32(1), Str(r, 2), Str(r, 3));

    /// <summary>Counts per (queue, state) as the stats of every state and queue.</summary>
    public static QueueStats ReadStats(IEnumerable<(string Queue, QueuedTaskState State, long Count)> rows)
    {
        var byState = new Dictionary<QueuedTaskState, long>();
        var byQueue = new Dictionary<string, Dictionary<QueuedTaskState, long>>(StringComparer.Ordinal);
        foreach (var (queue, state, count) in rows)
        {
            byState[state] = byState.GetValueOrDefault(state) + count;
            if (!byQueue.TryGetValue(queue, out var perQueue))
            {
                byQueue[queue] = perQueue = [];
            }

            perQueue[state] = count;
        }

        return new QueueStats(byState, byQueue.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<QueuedTaskState, long>)p.Value, StringComparer.Ordinal));
    }

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Time(DbDataReader r, int i) => r.IsDBNull(i) ? null : UnixTime.FromMs(r.GetInt64(i));

    private static byte[]? Bytes(DbDataReader r, int i) => r.IsDBNull(i) ? null : (byte[])r.GetValue(i);
}
