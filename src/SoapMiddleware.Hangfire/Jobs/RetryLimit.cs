using Hangfire;
using Hangfire.Common;

namespace SoapMiddleware.Hangfire;

/// <summary>The attempts a job really gets: the caller's limit, or fewer when the application's retry policy allows fewer.</summary>
internal static class RetryLimit
{
    public static int Effective(IJobFilterProvider filters, Job? job, int maxAttempts)
    {
        var allowed = Math.Max(maxAttempts, 1);
        if (job is null)
        {
            return allowed;
        }

        var retry = filters.GetFilters(job).Select(f => f.Instance).OfType<AutomaticRetryAttribute>().FirstOrDefault();

        // No retry filter at all: Hangfire runs a job once.
        var policy = retry is null ? 1 : Math.Max(retry.Attempts, 0) + 1;
        return Math.Min(allowed, policy);
    }
}
