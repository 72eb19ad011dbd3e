using Hangfire.Server;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// The parameters of a job about to run, read once. Storages that hand Hangfire a snapshot with the job (SQL Server,
/// InMemory) cost nothing here; Hangfire.PostgreSql hands none, and there each <c>GetJobParameter</c> is a query of its
/// own, so the monitoring API's job details (one batch: job, parameters, states) stand in for four of them.
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
}
