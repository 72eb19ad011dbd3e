using Hangfire;
using Hangfire.Common;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// The application's filters without its retry policy: the state change a job makes to fail itself for good must not be
/// turned into a retry (and then back, leaving a retry in the job's history and a misleading warning in the log).
/// </summary>
internal sealed class WithoutRetryFilterProvider(IJobFilterProvider inner) : IJobFilterProvider
{
    public IEnumerable<JobFilter> GetFilters(Job job) => inner.GetFilters(job).Where(f => f.Instance is not AutomaticRetryAttribute);
}
