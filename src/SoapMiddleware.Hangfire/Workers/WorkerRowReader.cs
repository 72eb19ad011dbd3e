using Hangfire;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// The workers' rows on the Hangfire engine: for every Hangfire server still listed, one row per worker (its
/// <c>WorkersCount</c>): the workers with a stored row (<see cref="WorkerRecords"/>) with their data, workers busy
/// with a job we have no row for yet (or not ours) from Hangfire's Processing jobs, the rest idle by
/// <c>{server}/#{n}</c>. Servers no longer listed show their stored rows: <c>Stopped</c> when their process said so on
/// its way out, else <c>Dead</c> (killed). Reads one hash per server, plus Hangfire's server and Processing lists.
/// </summary>
internal static class WorkerRowReader
{
    /// <summary>At most this many Processing jobs are read to find the busy workers.</summary>
    private const int MaxBusy = 1000;

    public static List<WorkerStatus> Read(JobStorage storage)
    {
        var monitoring = storage.GetMonitoringApi();
        var listed = monitoring.Servers().Where(s => s?.Name is not null).GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var busy = monitoring.ProcessingJobs(0, MaxBusy).Where(p => p.Value is { InProcessingState: true }).ToList();
        using var connection = storage.GetConnection();
        var recorded = connection.GetAllItemsFromSet(WorkerRecordKeys.Servers) ?? [];
        var workers = new List<WorkerStatus>();
        foreach (var server in listed.Keys.Union(recorded, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var entries = connection.GetAllEntriesFromHash(WorkerRecordKeys.Server(server));
            var rows = new SortedDictionary<string, WorkerStatus>(StringComparer.Ordinal);
            ServerSnapshot? stopped = null;
            foreach (var (field, value) in entries ?? [])
            {
                if (field == WorkerRecordKeys.ServerField)
                {
                    stopped = WorkerRecordJson.ReadServer(value);
                }
                else if (WorkerRecordJson.ReadWorker(value) is { } row)
                {
                    rows[field] = row;
                }
            }

            if (listed.TryGetValue(server, out var dto))
            {
                Live(workers, connection, dto, rows, busy.Where(b => b.Value.ServerId == server));
            }
            else
            {
                Gone(workers, server, rows, stopped is { IsStopped: true } ? stopped : null);
            }
        }

        return workers;
    }

    private static void Live(List<WorkerStatus> workers, IStorageConnection connection, ServerDto server, IDictionary<string, WorkerStatus> rows, IEnumerable<KeyValuePair<string, ProcessingJobDto>> busy)
    {
        var (host, pid) = HangfireWorkers.Describe(server.Name);
        var startedAt = JobStates.Utc(server.StartedAt);
        var heartbeat = JobStates.Utc(server.Heartbeat) ?? startedAt;
        var byWorker = new Dictionary<string, (string JobId, ProcessingJobDto Job)>(StringComparer.Ordinal);
        var unnamed = new List<(string JobId, ProcessingJobDto Job)>();
        foreach (var (jobId, dto) in busy)
        {
            var data = dto.StateData ?? connection.GetStateData(jobId)?.Data;
            if (data is not null && data.TryGetValue("WorkerId", out var worker) && !string.IsNullOrEmpty(worker))
            {
                byWorker[worker] = (jobId, dto);
            }
            else
            {
                unnamed.Add((jobId, dto));
            }
        }

        var count = 0;
        foreach (var (worker, row) in rows)
        {
            var id = HangfireWorkers.Format(server.Name, worker);
            var status = Status(id, host, pid, row, row.State) with { StartedAt = startedAt, HeartbeatAt = Later(heartbeat, row.HeartbeatAt) };

            // Hangfire's list says it runs a job the row does not know: a job that is not ours, or a call taken since the
            // row was last written (a row that names the job as its last one is ahead of the list, not behind it).
            if (byWorker.Remove(worker, out var job) && !Knows(row, job.JobId, job.Job))
            {
                status = Busy(connection, status, job.JobId, job.Job);
            }

            workers.Add(status);
            count++;
        }

        foreach (var (worker, (jobId, job)) in byWorker.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            workers.Add(Busy(connection, Blank(HangfireWorkers.Format(server.Name, worker), host, pid, startedAt, heartbeat), jobId, job));
            count++;
        }

        foreach (var (jobId, job) in unnamed)
        {
            workers.Add(Busy(connection, Blank(HangfireWorkers.Format(server.Name, jobId), host, pid, startedAt, heartbeat), jobId, job));
            count++;
        }

        for (var i = count + 1; i <= server.WorkersCount; i++)
        {
            workers.Add(Blank(HangfireWorkers.Idle(server.Name, i), host, pid, startedAt, heartbeat));
        }
    }

    /// <summary>A server Hangfire no longer lists: its rows Stopped (and as many idle ones as it had workers) or Dead.</summary>
    private static void Gone(List<WorkerStatus> workers, string server, IDictionary<string, WorkerStatus> rows, ServerSnapshot? stopped)
    {
        var (host, pid) = HangfireWorkers.Describe(server);
        foreach (var (worker, row) in rows)
        {
            var id = HangfireWorkers.Format(server, worker);
            workers.Add(stopped is null
                ? Status(id, host, pid, row, WorkerState.Dead)
                : Status(id, host, pid, row, WorkerState.Stopped) with
                {
                    CurrentTaskId = null, CurrentOperation = null, ProgressPercent = null, ProgressMessage = null,
                    StartedAt = stopped.StartedAt, HeartbeatAt = Later(stopped.StoppedAt, row.HeartbeatAt),
                });
        }

        for (var i = rows.Count + 1; stopped is not null && i <= stopped.Workers; i++)
        {
            workers.Add(Blank(HangfireWorkers.Idle(server, i), host, pid, stopped.StartedAt, stopped.StoppedAt) with { State = WorkerState.Stopped });
        }
    }

    private static bool Knows(WorkerStatus row, string jobId, ProcessingJobDto job)
        => RpcJobArguments.IsRpcJob(job.Job) && (JobOf(row.CurrentTaskId) == jobId || JobOf(row.LastTaskId) == jobId);

    private static string? JobOf(string? handle) => TaskHandle.TryParse(handle, out string? jobId, out _) ? jobId : null;

    /// <summary>A stored row (which does not hold them) named <paramref name="id"/>, on <paramref name="host"/>'s process <paramref name="pid"/>.</summary>
    private static WorkerStatus Status(string id, string host, int pid, WorkerStatus row, WorkerState state)
        => row with { WorkerId = id, Host = host, ProcessId = pid, State = state };

    private static WorkerStatus Blank(string id, string host, int pid, DateTimeOffset startedAt, DateTimeOffset heartbeat) => new()
    {
        WorkerId = id,
        Host = host,
        ProcessId = pid,
        State = WorkerState.Idle,
        StartedAt = startedAt,
        HeartbeatAt = heartbeat,
    };

    /// <summary><paramref name="status"/> running <paramref name="jobId"/> as Hangfire's Processing list shows it.</summary>
    private static WorkerStatus Busy(IStorageConnection connection, WorkerStatus status, string jobId, ProcessingJobDto job)
    {
        string? handle = null;
        int? percent = null;
        string? message = null;
        string operation;
        if (RpcJobArguments.IsRpcJob(job.Job))
        {
            operation = RpcJobArguments.OperationName(job.Job!);
            if (JobParameters.Text(connection.GetJobParameter(jobId, JobParameters.Secret)) is { } secret)
            {
                handle = TaskHandle.Format(jobId, secret);
            }

            (percent, message) = JobParameters.DecodeProgress(connection.GetJobParameter(jobId, JobParameters.Progress));
        }
        else
        {
            operation = job.Job is { } other ? other.Type.Name + "." + other.Method.Name : "(job type not loaded)";
        }

        return status with
        {
            State = WorkerState.Processing,
            CurrentTaskId = handle,
            CurrentOperation = operation,
            ProgressPercent = percent,
            ProgressMessage = message,
        };
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
