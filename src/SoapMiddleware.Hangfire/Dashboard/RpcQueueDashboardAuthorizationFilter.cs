using Hangfire.Dashboard;
using SoapMiddleware.Queue.Http;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// Lets Hangfire's dashboard answer local requests only, exactly as the queue's management API does when
/// <see cref="Queue.RpcQueueOptions.ManagementPolicy"/> is empty: no remote address (in-process), loopback, or the
/// server's own address. Hangfire's dashboard lists every task with its handle and can delete or retry them.
/// </summary>
public sealed class RpcQueueDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    /// <summary>Whether the request comes from this machine.</summary>
    /// <param name="context">Hangfire's dashboard context (ASP.NET Core).</param>
    /// <returns><see langword="true"/> for a local request.</returns>
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ManagementAccess.IsLocal(context.GetHttpContext().Connection);
    }
}
