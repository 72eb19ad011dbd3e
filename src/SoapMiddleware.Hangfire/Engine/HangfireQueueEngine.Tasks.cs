using Hangfire.States;
using Hangfire.Storage.Monitoring;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Hangfire;

internal sealed partial class HangfireQueueEngine
{
    public Task<QueuedTaskInfo?> GetAsync(string handle, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Resolve(handle) is { } job ? JobTaskReader.Read(job.Id, job.Details, backend.FilterProvider, full: true) : null);
    }

    public Task<IReadOnlyList<TaskHistoryEntry>> GetHistoryAsync(string handle, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Resolve(handle) is { } job ? JobTaskReader.History(job.Details) : (IReadOnlyList<TaskHistoryEntry>)[]);
    }

    /// <summary>Puts a Succeeded, Failed or Deleted job back in its queue with Hangfire's retry count reset.</summary>
    public Task<bool> RetryAsync(string handle, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Resolve(handle) is not { } job || CurrentState(job.Details) is not { } current
            || JobStates.Map(current) is not (QueuedTaskState.Succeeded or QueuedTaskState.Failed or QueuedTaskState.Deleted))
        {
            return Task.FromResult(false);
        }

        using (var connection = backend.Storage.GetConnection())
        {
            connection.SetJobParameter(job.Id, JobParameters.RetryCountName, "0");
            connection.SetJobParameter(job.Id, JobParameters.Progress, string.Empty);
        }

        var queue = RpcJobArguments.Queue(job.Details.Job!);
        var retried = backend.Client.ChangeState(job.Id, new EnqueuedState(queue) { Reason = TaskReasons.RetriedByUser }, current);
        return Task.FromResult(retried);
    }

    /// <summary>
    /// Moves the job to Deleted. A call running in this process is cancelled at once; one running in another process
    /// is cancelled by that Hangfire server's own check (within its <c>CancellationCheckInterval</c>).
    /// </summary>
    public Task<bool> DeleteAsync(string handle, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Resolve(handle) is not { } job || CurrentState(job.Details) is not { } current || JobStates.Is(current, DeletedState.StateName))
        {
            return Task.FromResult(false);
        }

        var deleted = backend.Client.ChangeState(job.Id, new DeletedState { Reason = TaskReasons.DeletedByUser }, current);
        if (deleted && running.Cancel(job.Id))
        {
            HangfireEngineLog.CancelledLocally(logger, job.Id);
        }

        return Task.FromResult(deleted);
    }

    /// <summary>
    /// The job a handle names, when the job is ours and the handle's secret matches the stored one (compared in constant
    /// time); null for anything else, so a job id alone, or a forged handle, names nothing.
    /// </summary>
    private (string Id, JobDetailsDto Details)? Resolve(string handle)
    {
        if (!TaskHandle.TryParse(handle, out string? jobId, out var secret))
        {
            return null;
        }

        JobDetailsDto? details;
        try
        {
            details = backend.Storage.GetMonitoringApi().JobDetails(jobId);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or InvalidCastException or ArgumentException)
        {
            // Storages with numeric ids refuse other ids: such a handle names no job.
            return null;
        }

        if (details is null || !RpcJobArguments.IsRpcJob(details.Job)
            || !TaskHandle.SecretMatches(secret, JobParameters.Text(details.Properties, JobParameters.Secret)))
        {
            return null;
        }

        return (jobId, details);
    }

    private static string? CurrentState(JobDetailsDto details) => JobStates.NewestFirst(details.History).FirstOrDefault()?.StateName;
}
