using Hangfire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoapMiddleware.Hangfire;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Hangfire's dashboard behind the same protection as the queue's management API.</summary>
public static class HangfireDashboardEndpointExtensions
{
    /// <summary>
    /// Maps Hangfire's dashboard at <paramref name="pattern"/> (the application must have called <c>AddHangfire</c>).
    /// When <see cref="RpcQueueOptions.ManagementPolicy"/> is set, the dashboard requires that authorization policy;
    /// otherwise it answers local requests only: not through a proxy, not over a Unix socket, addressed to
    /// <c>localhost</c> or an address of this machine. Either way a write whose <c>Origin</c> is another site's is refused
    /// (<see cref="RpcQueueDashboardAuthorizationFilter"/>). A refused request is answered 403 with a problem+json that
    /// says why, as the management API answers it.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="pattern">Where the dashboard lives. Default <c>/hangfire</c>.</param>
    /// <param name="options">Hangfire's dashboard options; their authorization filters are replaced.</param>
    /// <returns>The dashboard's endpoint, for further conventions.</returns>
    public static IEndpointConventionBuilder MapRpcQueueHangfireDashboard(this IEndpointRouteBuilder endpoints, string pattern = "/hangfire", DashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var policy = RpcQueueManagementAccess.EnsureReady(endpoints.ServiceProvider, nameof(MapRpcQueueHangfireDashboard));
        options ??= new DashboardOptions();
        var localOnly = policy is null;

        options.Authorization = [new RpcQueueDashboardAuthorizationFilter(localOnly)];
        options.AsyncAuthorization = [];
        var dashboard = endpoints.MapHangfireDashboard(pattern, options);

        // Hangfire answers a refused request 401 with no body; the same refusal is answered here first, as the
        // management API answers it: 403 with a problem+json that says why. The filter above stays as a second line.
        dashboard.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = http => RpcQueueManagementAccess.Refusal(http, "Hangfire's dashboard", localOnly) is { } refusal
                ? refusal.ExecuteAsync(http)
                : inner(http);
        });

        // Not MapHangfireDashboardWithAuthorizationPolicy: it drops every filter, and with it the cross-site check
        // that a cookie-authenticated policy needs most.
        return localOnly ? dashboard : dashboard.RequireAuthorization(policy!);
    }
}
