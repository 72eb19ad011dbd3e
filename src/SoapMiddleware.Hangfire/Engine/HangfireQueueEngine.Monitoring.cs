using Hangfire.Common;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Hangfire;

internal sealed partial class HangfireQueueEngine
{
    /// <summary>
    /// How many entries of one Hangfire list are read at most beyond the page's own end (<c>skip + take</c>) to fill it
    /// with our jobs: the application's other Hangfire jobs share the lists. Counted past the page, so paging reaches
    /// every task the stats count, at a cost that grows with <c>skip</c>, as Hangfire's own paging does.
    /// </summary>
    private const int MaxScan = 5000;

    /// <summary>
    /// Counts from Hangfire's statistics: they count every job of the storage, the application's own Hangfire jobs
    /// included (Hangfire keeps no count per job type). Per queue, Hangfire counts enqueued jobs only.
    /// </summary>
    public Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var monitoring = backend.Storage.GetMonitoringApi();
        var statistics = monitoring.GetStatistics();
        var byState = new Dictionary<QueuedTaskState, long>();
        Add(byState, QueuedTaskState.Enqueued, statistics.Enqueued);
        Add(byState, QueuedTaskState.Scheduled, statistics.Scheduled + (statistics.Awaiting ?? 0));
        Add(byState, QueuedTaskState.Processing, statistics.Processing);
        Add(byState, QueuedTaskState.Succeeded, monitoring.SucceededListCount());
        Add(byState, QueuedTaskState.Failed, statistics.Failed);
        Add(byState, QueuedTaskState.Deleted, monitoring.DeletedListCount());

        var byQueue = new Dictionary<string, IReadOnlyDictionary<QueuedTaskState, long>>(StringComparer.Ordinal);
        foreach (var queue in monitoring.Queues())
        {
            var counts = new Dictionary<QueuedTaskState, long>();
            Add(counts, QueuedTaskState.Enqueued, queue.Length);
            Add(counts, QueuedTaskState.Processing, queue.Fetched ?? 0);
            if (counts.Count > 0)
            {
                byQueue[queue.Name] = counts;
            }
        }

        return Task.FromResult(new QueueStats(byState, byQueue));

        static void Add(Dictionary<QueuedTaskState, long> counts, QueuedTaskState state, long n)
        {
            if (n > 0)
            {
                counts[state] = n;
            }
        }
    }

    /// <summary>
    /// A page of our jobs, most recent state change first. Hangfire lists jobs per state (and enqueued ones per queue),
    /// every job type mixed: the lists are read until the page is full of ours, then each listed job's details are read.
    /// </summary>
    public Task<IReadOnlyList<QueuedTaskInfo>> ListAsync(QueuedTaskState? state, string? queue, int skip, int take, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        skip = Math.Max(skip, 0);
        if (take <= 0)
        {
            return Task.FromResult<IReadOnlyList<QueuedTaskInfo>>([]);
        }

        var monitoring = backend.Storage.GetMonitoringApi();
        var needed = skip + take;
        var candidates = new List<(string Id, DateTime At)>();
        foreach (var s in state is { } one ? new[] { one } : Enum.GetValues<QueuedTaskState>())
        {
            candidates.AddRange(Candidates(monitoring, s, queue, needed));
        }

        var page = candidates
            .GroupBy(c => c.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderByDescending(c => c.At)
            .Skip(skip)
            .Take(take);
        var tasks = new List<QueuedTaskInfo>(take);
        foreach (var (id, _) in page)
        {
            if (monitoring.JobDetails(id) is { } details && JobTaskReader.Read(id, details, backend.FilterProvider, full: false) is { } task
                && (state is null || task.State == state))
            {
                tasks.Add(task);
            }
        }

        return Task.FromResult<IReadOnlyList<QueuedTaskInfo>>(tasks);
    }

    /// <summary>Up to <paramref name="needed"/> of our jobs in Hangfire's list for <paramref name="state"/>, with the time they entered it.</summary>
    private static List<(string Id, DateTime At)> Candidates(IMonitoringApi monitoring, QueuedTaskState state, string? queue, int needed)
    {
        var found = new List<(string, DateTime)>();
        switch (state)
        {
            case QueuedTaskState.Enqueued:
                foreach (var name in queue is not null ? new[] { queue } : monitoring.Queues().Select(q => q.Name))
                {
                    Scan(found, needed, (from, count) => monitoring.EnqueuedJobs(name, from, count), d => d.InEnqueuedState, d => d.Job, d => d.EnqueuedAt, queue);
                }

                break;
            case QueuedTaskState.Scheduled:
                Scan(found, needed, monitoring.ScheduledJobs, d => d.InScheduledState, d => d.Job, d => d.ScheduledAt ?? d.EnqueueAt, queue);
                if (monitoring is JobStorageMonitor awaiting)
                {
                    Scan(found, needed, awaiting.AwaitingJobs, d => d.InAwaitingState, d => d.Job, d => d.AwaitingAt, queue);
                }

                break;
            case QueuedTaskState.Processing:
                Scan(found, needed, monitoring.ProcessingJobs, d => d.InProcessingState, d => d.Job, d => d.StartedAt, queue);
                break;
            case QueuedTaskState.Succeeded:
                Scan(found, needed, monitoring.SucceededJobs, d => d.InSucceededState, d => d.Job, d => d.SucceededAt, queue);
                break;
            case QueuedTaskState.Failed:
                Scan(found, needed, monitoring.FailedJobs, d => d.InFailedState, d => d.Job, d => d.FailedAt, queue);
                break;
            case QueuedTaskState.Deleted:
                Scan(found, needed, monitoring.DeletedJobs, d => d.InDeletedState, d => d.Job, d => d.DeletedAt, queue);
                break;
        }

        return found;
    }

    private static void Scan<TDto>(
        List<(string, DateTime)> found,
        int needed,
        Func<int, int, JobList<TDto>> list,
        Func<TDto, bool> inState,
        Func<TDto, Job?> job,
        Func<TDto, DateTime?> at,
        string? queue)
    {
        var batch = Math.Clamp(needed * 2, 50, 500);
        var wanted = found.Count + needed;
        for (var from = 0; from < needed + MaxScan && found.Count < wanted; from += batch)
        {
            var entries = list(from, batch);
            foreach (var (id, dto) in entries)
            {
                if (dto is not null && inState(dto) && job(dto) is { } j && RpcJobArguments.IsRpcJob(j)
                    && (queue is null || RpcJobArguments.Queue(j) == queue))
                {
                    found.Add((id, at(dto) ?? DateTime.MinValue));
                }
            }

            if (entries.Count < batch)
            {
                break;
            }
        }
    }

    /// <summary>
    /// One row per worker of every Hangfire server still listed, with the counts and progress our jobs record
    /// (<see cref="WorkerRecords"/>), and the rows of servers gone since: Stopped when they stopped gracefully, else Dead.
    /// </summary>
    public Task<IReadOnlyList<WorkerStatus>> GetWorkersAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<WorkerStatus>>(WorkerRowReader.Read(backend.Storage));
    }
}
