using Microsoft.AspNetCore.RateLimiting;

namespace SampleApp;

/// <summary>
/// The sample's limit on enqueueing: at most <c>Queue:EnqueueLimit</c> calls per <c>Queue:EnqueueWindow</c> per caller
/// (the authenticated user, else the client address) at the endpoints that enqueue; past it, 429 with
/// <c>Retry-After</c>. One client can no longer fill the queue with thousands of tasks a second. 0 turns it off.
/// </summary>
internal static class SampleRateLimit
{
    public const string EnqueuePolicy = "enqueue";

    public static void Configure(WebApplicationBuilder builder, SampleQueueSettings settings)
        => builder.Services.AddRateLimiter(limiter =>
        {
            if (settings.EnqueueLimit > 0)
            {
                limiter.AddRpcQueueLimiter(EnqueuePolicy, window =>
                {
                    window.PermitLimit = settings.EnqueueLimit;
                    window.Window = settings.EnqueueWindow;
                });
            }
        });

    /// <summary>Puts <paramref name="endpoint"/> under the enqueue policy, unless the limit is off.</summary>
    public static TBuilder Limit<TBuilder>(TBuilder endpoint, SampleQueueSettings settings)
        where TBuilder : IEndpointConventionBuilder
        => settings.EnqueueLimit > 0 ? endpoint.RequireRateLimiting(EnqueuePolicy) : endpoint;
}
