using Hangfire;
using Hangfire.Server;
using SoapMiddleware.Queue.Execution;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// The job parameters a run reads (once, before it runs) and writes (its progress, its fault, its result's type).
/// Storages that hand Hangfire a snapshot with the job (SQL Server, InMemory) cost nothing to read; Hangfire.PostgreSql
/// hands none, and there each <c>GetJobParameter</c> is a query of its own, so the monitoring API's job details (one
/// batch: job, parameters, states) stand in for four of them. Each write is a storage round trip.
/// </summary>
internal static class RunParameters
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public static IReadOnlyDictionary<string, string> Read(PerformContext context)
    {
        if (context.BackgroundJob.ParametersSnapshot is { } snapshot)
        {
            return snapshot;
        }

        var details = context.Storage.GetMonitoringApi().JobDetails(context.BackgroundJob.Id);
        return details?.Properties is { } properties
            ? new Dictionary<string, string>(properties, StringComparer.Ordinal)
            : None;
    }

    public static ValueTask WriteProgress(JobStorage storage, string jobId, int percent, string? message)
    {
        using var connection = storage.GetConnection();
        connection.SetJobParameter(jobId, JobParameters.Progress, JobParameters.EncodeProgress(percent, message));
        return ValueTask.CompletedTask;
    }

    public static void ClearProgress(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        connection.SetJobParameter(jobId, JobParameters.Progress, string.Empty);
    }

    /// <summary>
    /// Returns the Succeeded state's result text for <paramref name="outcome"/>'s response. The result's type is written
    /// only when it is not the request's (readers fall back to that), the base64 flag only for a binary result.
    /// </summary>
    public static string WriteResult(JobStorage storage, string jobId, QueuedCallOutcome outcome, string contentType)
    {
        var (text, base64) = JobParameters.EncodeBytes(outcome.Response);
        var resultType = outcome.ContentType ?? contentType;
        if (base64 || resultType != contentType)
        {
            using var connection = storage.GetConnection();
            if (resultType != contentType)
            {
                connection.SetJobParameter(jobId, JobParameters.ResultType, resultType);
            }

            if (base64)
            {
                connection.SetJobParameter(jobId, JobParameters.ResultBase64, "true");
            }
        }

        return text;
    }

    /// <summary>Stores the fault of a failed attempt (the task's result until a later attempt succeeds).</summary>
    public static void WriteFault(JobStorage storage, string jobId, QueuedCallOutcome outcome, string contentType)
    {
        var (text, base64) = JobParameters.EncodeBytes(outcome.Response);
        using var connection = storage.GetConnection();
        connection.SetJobParameter(jobId, JobParameters.Fault, text);
        connection.SetJobParameter(jobId, JobParameters.FaultBase64, base64 ? "true" : string.Empty);
        connection.SetJobParameter(jobId, JobParameters.ResultType, outcome.ContentType ?? contentType);
    }
}
