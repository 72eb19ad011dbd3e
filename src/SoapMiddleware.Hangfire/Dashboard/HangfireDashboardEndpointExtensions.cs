using Hangfire;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoapMiddleware.Hangfire;
using SoapMiddleware.Queue;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Hangfire's dashboard behind the same protection as the queue's management API.</summary>
public static class HangfireDashboardEndpointExtensions
{
    /// <summary>
    /// Maps Hangfire's dashboard at <paramref name="pattern"/> (the application must have called <c>AddHangfire</c>).
    /// When <see cref="RpcQueueOptions.ManagementPolicy"/> is set, the dashboard requires that authorization policy;
    /// otherwise it answers local requests only (<see cref="RpcQueueDashboardAuthorizationFilter"/>).
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="pattern">Where the dashboard lives. Default <c>/hangfire</c>.</param>
    /// <param name="options">Hangfire's dashboard options; their authorization filters are replaced.</param>
    /// <returns>The dashboard's endpoint, for further conventions.</returns>
    public static IEndpointConventionBuilder MapRpcQueueHangfireDashboard(this IEndpointRouteBuilder endpoints, string pattern = "/hangfire", DashboardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var queue = endpoints.ServiceProvider.GetRequiredService<IOptions<RpcQueueOptions>>().Value;
        options ??= new DashboardOptions();
        if (string.IsNullOrEmpty(queue.ManagementPolicy))
        {
            options.Authorization = [new RpcQueueDashboardAuthorizationFilter()];
            options.AsyncAuthorization = [];
            return endpoints.MapHangfireDashboard(pattern, options);
        }

        return endpoints.MapHangfireDashboardWithAuthorizationPolicy(queue.ManagementPolicy, pattern, options);
    }
}
