using Hangfire;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// Registers the engine's filters in Hangfire's global filters, once per process (Hangfire's filters are process-wide;
/// every server and client of the process applies them, and they act on <see cref="RpcJob"/>s only).
/// </summary>
internal static class RpcJobFilters
{
    private static readonly Lock Gate = new();

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            var filters = GlobalJobFilters.Filters;
            if (!filters.Any(f => f.Instance is RpcJobClientFilter))
            {
                filters.Add(new RpcJobClientFilter());
            }

            if (!filters.Any(f => f.Instance is RpcJobStateFilter))
            {
                filters.Add(new RpcJobStateFilter(), RpcJobStateFilter.Order);
            }
        }
    }
}
