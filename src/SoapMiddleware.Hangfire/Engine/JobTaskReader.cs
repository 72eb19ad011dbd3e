using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage.Monitoring;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Hangfire;

/// <summary>Maps a Hangfire job of ours (its details: job, parameters, history) to the queue's task view.</summary>
internal static class JobTaskReader
{
    /// <summary>The task, or null when the job is not ours or carries no secret.</summary>
    /// <param name="jobId">The Hangfire job id.</param>
    /// <param name="details">The monitoring API's details of the job.</param>
    /// <param name="filters">Hangfire's filters, to read the retry policy's attempts.</param>
    /// <param name="full">Whether to load payload, result and fault (single-task reads) or not (lists).</param>
    public static QueuedTaskInfo? Read(string jobId, JobDetailsDto details, IJobFilterProvider filters, bool full)
    {
        var job = details.Job;
        if (!RpcJobArguments.IsRpcJob(job) || JobParameters.Text(details.Properties, JobParameters.Secret) is not { } secret)
        {
            return null;
        }

        var properties = details.Properties;
        var history = JobStates.NewestFirst(details.History);
        var current = history.FirstOrDefault();
        var state = JobStates.Map(current?.StateName) ?? QueuedTaskState.Enqueued;
        var lastProcessing = history.FirstOrDefault(h => JobStates.Is(h.StateName, ProcessingState.StateName));
        var retries = JobParameters.RetryCount(properties is not null && properties.TryGetValue(JobParameters.RetryCountName, out var rc) ? rc : null);
        var (percent, message) = JobParameters.DecodeProgress(properties is not null && properties.TryGetValue(JobParameters.Progress, out var p) ? p : null);

        return new QueuedTaskInfo
        {
            Id = TaskHandle.Format(jobId, secret),
            Engine = HangfireQueueEngine.EngineName,
            Display = RpcJobArguments.Display(job!),
            Queue = RpcJobArguments.Queue(job!),
            Service = RpcJobArguments.Service(job!),
            Operation = RpcJobArguments.Operation(job!),
            ContentType = RpcJobArguments.ContentType(job!),
            Action = RpcJobArguments.Action(job!),
            State = state,
            Attempt = Attempts(state, retries, history),
            MaxAttempts = RetryLimit.Effective(filters, job, RpcJobArguments.MaxAttempts(job!)),
            IdempotencyKey = JobParameters.Text(properties, JobParameters.IdempotencyKey),
            EnqueuedBy = JobParameters.Text(properties, JobParameters.EnqueuedBy),
            WorkerId = JobStates.WorkerOf(lastProcessing?.Data),
            ProgressPercent = percent,
            ProgressMessage = message,
            Outcome = Outcome(state, current, retries),
            Reason = current is null ? null : Reason(current, state),
            CreatedAt = JobStates.Utc(details.CreatedAt) ?? (history.Count > 0 ? JobStates.Utc(history[^1].CreatedAt) : DateTimeOffset.UnixEpoch),
            NotBefore = state == QueuedTaskState.Scheduled ? JobStates.DateIn(current?.Data, "EnqueueAt") : null,
            StartedAt = lastProcessing is null ? null : JobStates.Utc(lastProcessing.CreatedAt),
            FinishedAt = state is QueuedTaskState.Succeeded or QueuedTaskState.Failed or QueuedTaskState.Deleted && current is not null ? JobStates.Utc(current.CreatedAt) : null,
            // Written only when it differs from the request's content type (RpcJob saves the round trip otherwise).
            ResultContentType = JobParameters.Text(properties, JobParameters.ResultType)
                ?? (state == QueuedTaskState.Succeeded || JobParameters.Text(properties, JobParameters.Fault) is not null ? RpcJobArguments.ContentType(job!) : null),
            Payload = full ? RpcJobArguments.Payload(job!) : null,
            Result = full && state == QueuedTaskState.Succeeded ? Result(current, properties) : null,
            Fault = full ? JobParameters.DecodeBytes(JobParameters.Text(properties, JobParameters.Fault), JobParameters.IsTrue(Raw(properties, JobParameters.FaultBase64))) : null,
        };
    }

    /// <summary>The transitions, oldest first; states the queue does not know are left out.</summary>
    public static IReadOnlyList<TaskHistoryEntry> History(JobDetailsDto details)
    {
        var entries = new List<TaskHistoryEntry>();
        foreach (var h in Enumerable.Reverse(JobStates.NewestFirst(details.History)))
        {
            if (JobStates.Map(h.StateName) is { } state)
            {
                entries.Add(new TaskHistoryEntry(
                    JobStates.Utc(h.CreatedAt),
                    state,
                    JobStates.Is(h.StateName, ProcessingState.StateName) ? JobStates.WorkerOf(h.Data) : null,
                    Reason(h, state)));
            }
        }

        return entries;
    }

    /// <summary>
    /// Attempts started so far: Hangfire's retry count counts the failed attempts that were retried, so a running or
    /// finished attempt adds one; a task waiting (enqueued, scheduled for a retry) has made only the counted ones.
    /// </summary>
    private static int Attempts(QueuedTaskState state, int retries, List<StateHistoryDto> newestFirst) => state switch
    {
        QueuedTaskState.Processing or QueuedTaskState.Succeeded or QueuedTaskState.Failed => retries + 1,
        QueuedTaskState.Deleted when newestFirst.Count > 1
            && JobStates.Map(newestFirst[1].StateName) is QueuedTaskState.Processing or QueuedTaskState.Succeeded or QueuedTaskState.Failed => retries + 1,
        _ => retries,
    };

    /// <summary>
    /// How the last run ended, from the job's state and the exception type Hangfire stored with a Failed state (the
    /// job fails a rejected call with <see cref="RpcCallRejectedException"/>); a waiting job that failed before will retry.
    /// </summary>
    private static TaskOutcome? Outcome(QueuedTaskState state, StateHistoryDto? current, int retries) => state switch
    {
        QueuedTaskState.Succeeded => TaskOutcome.Succeeded,
        QueuedTaskState.Deleted => TaskOutcome.Deleted,
        QueuedTaskState.Failed => current?.Data is { } data && data.TryGetValue("ExceptionType", out var type) && type == RejectedType
            ? TaskOutcome.Rejected
            : TaskOutcome.Failed,
        _ => retries > 0 ? TaskOutcome.WillRetry : null,
    };

    private static readonly string RejectedType = typeof(RpcCallRejectedException).FullName!;

    private static string Reason(StateHistoryDto entry, QueuedTaskState state)
        => !string.IsNullOrEmpty(entry.Reason) ? entry.Reason : state switch
        {
            QueuedTaskState.Enqueued => TaskReasons.Enqueued,
            QueuedTaskState.Scheduled => "Scheduled",
            QueuedTaskState.Processing => "Processing",
            QueuedTaskState.Succeeded => TaskReasons.Succeeded,
            QueuedTaskState.Failed => "Failed",
            _ => TaskReasons.DeletedByUser,
        };

    private static byte[]? Result(StateHistoryDto? succeeded, IDictionary<string, string>? properties)
    {
        var text = succeeded?.Data is { } data && data.TryGetValue("Result", out var raw) ? JobParameters.Text(raw) : null;
        return JobParameters.DecodeBytes(text, JobParameters.IsTrue(Raw(properties, JobParameters.ResultBase64)));
    }

    private static string? Raw(IDictionary<string, string>? properties, string name)
        => properties is not null && properties.TryGetValue(name, out var raw) ? raw : null;
}
