using System.Threading.RateLimiting;
using SoapMiddleware.Queue.RateLimiting;

namespace Microsoft.AspNetCore.RateLimiting;

/// <summary>A rate limiting policy for the queue's enqueue endpoint, for ASP.NET Core's rate limiter.</summary>
public static class RpcQueueRateLimiterOptionsExtensions
{
    /// <summary>
    /// Adds the policy <paramref name="policyName"/>: a fixed window of permits per caller, the authenticated user or,
    /// for an anonymous request, the client address (an IPv6 address by its /64). Apply it with
    /// <c>app.MapRpcQueueEndpoint(...).RequireRateLimiting(policyName)</c> after <c>app.UseRateLimiter()</c>. A refused
    /// request is answered <c>429</c> with <c>Retry-After</c> (whole seconds to the next window) and a problem+json body.
    /// </summary>
    /// <param name="options">The rate limiter's options (<c>services.AddRateLimiter(o => o.AddRpcQueueLimiter(...))</c>).</param>
    /// <param name="policyName">The policy's name, as <c>RequireRateLimiting</c> names it.</param>
    /// <param name="configure">Sets the window; by default 100 permits per 10 seconds and no queueing of requests over it.</param>
    /// <returns><paramref name="options"/>, for chaining.</returns>
    public static RateLimiterOptions AddRpcQueueLimiter(this RateLimiterOptions options, string policyName, Action<FixedWindowRateLimiterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(policyName);
        var window = new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromSeconds(10), QueueLimit = 0 };
        configure?.Invoke(window);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window.PermitLimit, nameof(configure));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window.Window, TimeSpan.Zero, nameof(configure));
        return options.AddPolicy(policyName, new CallerRateLimiterPolicy(window));
    }
}
