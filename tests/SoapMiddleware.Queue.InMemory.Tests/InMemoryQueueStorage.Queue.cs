using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.InMemory.Tests;

/// <summary>Fetch under a lease, and the transitions a fetched task records, each only while its worker holds it.</summary>
internal sealed partial class InMemoryQueueStorage
{
    public Task<IReadOnlyList<FetchedTask>> FetchAsync(
        IReadOnlyList<string> queues, string workerId, int maxCount, TimeSpan lease, IReadOnlyDictionary<string, int>? concurrency = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            // Free places per limited operation: its limit minus its tasks processing under a live lease.
            var free = (concurrency ?? new Dictionary<string, int>()).ToDictionary(
                l => l.Key,
                l => l.Value - _tasks.Values.Count(t => t.State == QueuedTaskState.Processing && t.LeaseUntil > now && t.Call.Operation == l.Key));
            var due = _tasks.Values
                .Where(t => t.State <= QueuedTaskState.Processing && t.DueAt <= now && queues.Contains(t.Call.Queue))
                .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
                .Where(t => !free.ContainsKey(t.Call.Operation) || free[t.Call.Operation]-- > 0)
                .Take(maxCount).ToList();
            var fetched = new List<FetchedTask>(due.Count);
            foreach (var row in due)
            {
                var redelivered = row.State == QueuedTaskState.Processing;
                var previous = row.WorkerId;
                row.State = QueuedTaskState.Processing;
                row.WorkerId = workerId;
                row.LeaseUntil = row.DueAt = now + lease;
                row.Attempt++;
                row.StartedAt = now;
                row.ProgressPercent = null;
                row.ProgressMessage = null;
                row.Record(now, QueuedTaskState.Processing, workerId, redelivered ? TaskReasons.Redelivered(row.Attempt, previous) : TaskReasons.Fetched(row.Attempt));
                fetched.Add(new LeasedTask(this, this, row.Delivery(leased: true), workerId));
            }

            return Task.FromResult<IReadOnlyList<FetchedTask>>(fetched);
        }
    }

    public Task<bool> WaitForWorkAsync(IReadOnlyList<string> queues, TimeSpan timeout, CancellationToken cancellationToken = default)
        => _signal.WaitAsync(timeout, cancellationToken);

    public Task<int> CompleteAsync(IReadOnlyList<TaskCompletion> completions, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var applied = 0;
            foreach (var c in completions)
            {
                if (Held(c.Id, c.WorkerId) is not { } row)
                {
                    continue;
                }

                row.NameWorker(c.WorkerId);
                row.State = QueuedTaskState.Succeeded;
                row.Result = c.Result;
                row.ResultContentType = c.ResultContentType;
                row.FinishedAt = now;
                row.LeaseUntil = row.DueAt = null;
                row.ProgressPercent = 100;
                row.Outcome = TaskOutcome.Succeeded;
                row.Record(now, QueuedTaskState.Succeeded, c.WorkerId, TaskReasons.Succeeded);
                applied++;
            }

            return Task.FromResult(applied);
        }
    }

    public Task<bool> RenewLeaseAsync(long id, string workerId, TimeSpan lease, CancellationToken cancellationToken = default)
        => Task.FromResult(RenewLease(id, workerId, lease));

    public Task<bool> FailAsync(long id, string workerId, TaskOutcome outcome, byte[]? fault, string reason, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
        => Task.FromResult(Fail(id, workerId, outcome, fault, reason, retryAt));

    public Task<bool> ReleaseAsync(long id, string workerId, string reason, CancellationToken cancellationToken = default)
        => Task.FromResult(Release(id, workerId, reason));

    public Task<bool> ReportProgressAsync(long id, string workerId, int percent, string? message, CancellationToken cancellationToken = default)
        => Task.FromResult(ReportProgress(id, workerId, percent, message));

    private bool RenewLease(long id, string workerId, TimeSpan lease)
    {
        lock (_gate)
        {
            if (Held(id, workerId) is not { } row)
            {
                return false;
            }

            row.LeaseUntil = row.DueAt = time.GetUtcNow() + lease;
            return true;
        }
    }

    private bool Fail(long id, string workerId, TaskOutcome outcome, byte[]? fault, string reason, DateTimeOffset? retryAt)
    {
        lock (_gate)
        {
            if (Held(id, workerId) is not { } row)
            {
                return false;
            }

            var now = time.GetUtcNow();
            row.NameWorker(workerId);
            row.Fault = fault;
            row.Outcome = outcome;
            row.LeaseUntil = null;
            if (retryAt is { } at)
            {
                row.State = QueuedTaskState.Scheduled;
                row.NotBefore = row.DueAt = at;
                row.Record(now, QueuedTaskState.Scheduled, workerId, TaskReasons.Retry(row.Attempt, row.Call.MaxAttempts, UnixTime.ToMs(at), reason));
            }
            else
            {
                row.State = QueuedTaskState.Failed;
                row.FinishedAt = now;
                row.DueAt = null;
                row.Record(now, QueuedTaskState.Failed, workerId, reason);
            }

            return true;
        }
    }

    private bool Release(long id, string workerId, string reason)
    {
        lock (_gate)
        {
            if (Held(id, workerId) is not { } row)
            {
                return false;
            }

            var now = time.GetUtcNow();
            row.State = QueuedTaskState.Enqueued;
            row.Attempt = Math.Max(row.Attempt - 1, 0);
            row.LeaseUntil = row.StartedAt = null;
            row.DueAt = now;
            row.ProgressPercent = null;
            row.ProgressMessage = null;
            row.Outcome = TaskOutcome.Cancelled;
            row.Record(now, QueuedTaskState.Enqueued, workerId, TaskReasons.Released(reason));
        }

        _signal.Pulse();
        return true;
    }

    private bool ReportProgress(long id, string workerId, int percent, string? message)
    {
        lock (_gate)
        {
            if (Held(id, workerId) is not { } row)
            {
                return false;
            }

            row.NameWorker(workerId);
            row.ProgressPercent = Math.Clamp(percent, 0, 100);
            row.ProgressMessage = message;
            return true;
        }
    }

    /// <summary>The task when <paramref name="workerId"/> holds it; call under the lock.</summary>
    private TaskRow? Held(long id, string workerId) => _tasks.TryGetValue(id, out var row) && row.HeldBy(workerId) ? row : null;
}
