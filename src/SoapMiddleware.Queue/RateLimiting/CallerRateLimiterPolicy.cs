using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace SoapMiddleware.Queue.RateLimiting;

/// <summary>
/// A fixed window of permits per caller: the authenticated user when there is one, else the client address (an IPv6
/// client by its /64, the block one host is usually given, so a client cannot get a fresh window per address). A
/// refusal is 429 with <c>Retry-After</c> and a problem+json body, like every other refusal of the queue endpoints.
/// </summary>
/// <remarks>
/// The address is <see cref="ConnectionInfo.RemoteIpAddress"/>: behind a reverse proxy every caller shares the
/// proxy's window unless the ForwardedHeaders middleware runs first and trusts that proxy.
/// </remarks>
internal sealed class CallerRateLimiterPolicy(FixedWindowRateLimiterOptions window) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
        => RateLimitPartition.GetFixedWindowLimiter(PartitionKey(httpContext), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = window.Window,
            QueueLimit = window.QueueLimit,
            QueueProcessingOrder = window.QueueProcessingOrder,
            AutoReplenishment = window.AutoReplenishment,
        });

    /// <summary>Whose window a request counts in: <c>user:{name}</c>, else <c>address:{ip}</c> (<c>address:none</c> on a Unix socket).</summary>
    internal static string PartitionKey(HttpContext http)
    {
        if (http.User.Identity is { IsAuthenticated: true } identity
            && (identity.Name ?? http.User.FindFirst(ClaimTypes.NameIdentifier)?.Value) is { Length: > 0 } name)
        {
            return "user:" + name;
        }

        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "address:none";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6 && !IPAddress.IsLoopback(address))
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return "address:" + new IPAddress(bytes).ToString() + "/64";
        }

        return "address:" + address.ToString();
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window.Window;
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"This caller has sent its {window.PermitLimit.ToString(CultureInfo.InvariantCulture)} requests for this window of {window.Window.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; try again in {seconds.ToString(CultureInfo.InvariantCulture)} s.";
        // ASP.NET Core has no default problem type for 429; RFC 6585 is where the status is defined.
        await Results.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", type: "https://tools.ietf.org/html/rfc6585#section-4").ExecuteAsync(http).ConfigureAwait(false);
    }
}
