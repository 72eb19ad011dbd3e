using Hangfire;
using Hangfire.Storage;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Hangfire;

internal sealed partial class HangfireQueueEngine
{
    /// <summary>
    /// A Hangfire recurring job of <see cref="RpcJob"/>, id <paramref name="recurringId"/>: Hangfire's recurring scheduler
    /// creates each occurrence (once, however many servers run), and <see cref="RpcJobClientFilter"/> gives it its own
    /// secret. A recurring job of the application's own with that id is not replaced.
    /// </summary>
    public Task AddOrUpdateRecurringAsync(string recurringId, QueuedCall call, string cron, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(recurringId);
        ArgumentNullException.ThrowIfNull(call);
        cancellationToken.ThrowIfCancellationRequested();
        CheckQueue(call.Queue);
        if (FindRecurring(recurringId) is { } existing && !RpcJobArguments.IsRpcJob(existing.Job))
        {
            throw new InvalidOperationException(
                $"Hangfire already has a recurring job '{recurringId}' that is not a queued RPC call; choose another id.");
        }

#pragma warning disable CS0618 // QueueName: Hangfire's recurring-job page shows it; the state filter routes the occurrence anyway.
        var options = new RecurringJobOptions { TimeZone = timeZone, QueueName = call.Queue };
#pragma warning restore CS0618
        backend.RecurringJobs.AddOrUpdate(recurringId, RpcJobArguments.CreateJob(call), cron, options);
        return Task.CompletedTask;
    }

    public Task<bool> RemoveRecurringAsync(string recurringId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (FindRecurring(recurringId) is not { } existing || !RpcJobArguments.IsRpcJob(existing.Job))
        {
            return Task.FromResult(false);
        }

        backend.RecurringJobs.RemoveIfExists(recurringId);
        return Task.FromResult(true);
    }

    /// <summary>Our recurring jobs (the application's own Hangfire recurring jobs are not listed), by id.</summary>
    public Task<IReadOnlyList<RecurringCallInfo>> ListRecurringAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = backend.Storage.GetConnection();
        var calls = new List<RecurringCallInfo>();
        foreach (var dto in connection.GetRecurringJobs().Where(r => !r.Removed && RpcJobArguments.IsRpcJob(r.Job)).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            string? lastTask = null;
            if (!string.IsNullOrEmpty(dto.LastJobId) && JobParameters.Text(connection.GetJobParameter(dto.LastJobId, JobParameters.Secret)) is { } secret)
            {
                lastTask = TaskHandle.Format(dto.LastJobId, secret);
            }

            calls.Add(new RecurringCallInfo
            {
                Id = dto.Id,
                Cron = dto.Cron,
                TimeZone = string.IsNullOrEmpty(dto.TimeZoneId) ? "UTC" : dto.TimeZoneId,
                Queue = RpcJobArguments.Queue(dto.Job),
                Service = RpcJobArguments.Service(dto.Job),
                Operation = RpcJobArguments.Operation(dto.Job),
                Display = RpcJobArguments.Display(dto.Job),
                NextRunAt = JobStates.Utc(dto.NextExecution),
                LastRunAt = JobStates.Utc(dto.LastExecution),
                LastTaskId = lastTask,
            });
        }

        return Task.FromResult<IReadOnlyList<RecurringCallInfo>>(calls);
    }

    private RecurringJobDto? FindRecurring(string recurringId)
    {
        using var connection = backend.Storage.GetConnection();
        return connection.GetRecurringJobs([recurringId]).FirstOrDefault(r => r is { Removed: false } && r.Id == recurringId);
    }
}
