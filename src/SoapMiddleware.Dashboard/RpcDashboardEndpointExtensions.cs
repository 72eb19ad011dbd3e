using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SoapMiddleware.Dashboard.Page;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the queue dashboard: one page that reads the JSON management API mapped by <c>MapRpcQueue</c>.</summary>
public static class RpcDashboardEndpointExtensions
{
    /// <summary>
    /// Maps <c>GET {pattern}</c>: a self-contained HTML page (inline CSS and script, a strict Content-Security-Policy,
    /// nothing loaded from elsewhere) showing counts per state and queue, tasks per state, the workers, the recurring
    /// calls, and a task's own page at <c>{pattern}#/tasks/{handle}</c>, linked from every list (its call, arguments,
    /// result or fault, progress, attempts, worker, history, and Retry and Delete buttons, each confirmed first). It
    /// calls the management API at <paramref name="apiPath"/> (map it with <c>MapRpcQueue(apiPath)</c>), sending the
    /// <c>X-SoapMiddleware-Management</c> header that API requires on changes. Protected like that API: by
    /// <see cref="RpcQueueOptions.ManagementPolicy"/>, or to local requests only when no policy is set.
    /// </summary>
    /// <param name="endpoints">The app or route builder.</param>
    /// <param name="pattern">Where the page is served.</param>
    /// <param name="apiPath">Where <c>MapRpcQueue</c> mapped the management API; a path starting with <c>/</c> is taken below the request's path base.</param>
    /// <returns>The route group of the page, for further conventions.</returns>
    public static RouteGroupBuilder MapRpcDashboard(this IEndpointRouteBuilder endpoints, string pattern = "/rpc-dashboard", string apiPath = "/queue/api")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentException.ThrowIfNullOrEmpty(apiPath);
        RpcQueueManagementAccess.EnsureReady(endpoints.ServiceProvider, nameof(MapRpcDashboard));
        var group = RpcQueueManagementAccess.Protect(endpoints.MapGroup(pattern), "The queue dashboard");
        group.MapGet("", (HttpContext http) => DashboardPage.Instance.Render(http, apiPath)).ExcludeFromDescription();
        return group;
    }
}
