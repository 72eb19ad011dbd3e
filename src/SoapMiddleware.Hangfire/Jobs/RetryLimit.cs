using Hangfire;
using Hangfire.Common;

namespace SoapMiddleware.Hangfire;

/// <summary>The attempts a job really gets: the caller's limit, or fewer when the application's retry policy allows fewer.</summary>
internal static class RetryLimit
{
    public static int Effective(IJobFilterProvider filters, Job? job, int maxAttempts) => Math.Min(Math.Max(maxAttempts, 1), Policy(filters, job));

    /// <summary>The attempts the application's retry policy (<see cref="AutomaticRetryAttribute"/>) allows a job.</summary>
    public static int Policy(IJobFilterProvider filters, Job? job)
    {
        if (job is null)
        {
            return int.MaxValue;
        }

        var retry = filters.GetFilters(job).Select(f => f.Instance).OfType<AutomaticRetryAttribute>().FirstOrDefault();

        // No retry filter at all: Hangfire runs a job once.
        return retry is null ? 1 : Math.Max(retry.Attempts, 0) + 1;
    }
}
