using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SoapMiddleware.Queue.Http;

/// <summary>
/// Who may use the queue's management surface (the JSON API, the dashboard, Hangfire's dashboard): the authorization
/// policy named by <see cref="RpcQueueOptions.ManagementPolicy"/>, or local requests only when no policy is set. Either
/// way a state-changing request must be one a cross-site page cannot make.
/// </summary>
/// <remarks>
/// "Local" is decided so that it cannot be faked or reached by accident:
/// <list type="bullet">
/// <item>a request that came through a proxy (it carries <c>Forwarded</c>, <c>X-Forwarded-*</c>, <c>X-Real-IP</c>, or the
/// <c>X-Original-*</c> headers the ForwardedHeaders middleware leaves after rewriting the remote address) is not local,
/// whatever address the connection shows: behind a reverse proxy on the same host every connection is from loopback,
/// and with forwarded headers enabled for everyone <c>X-Forwarded-For: 127.0.0.1</c> would make any client loopback;</item>
/// <item>a connection without a remote address (a Unix socket, an in-process server) is not local, as in Hangfire's
/// <c>LocalRequestsOnlyAuthorizationFilter</c>: a Unix socket is how a reverse proxy usually talks to the app;</item>
/// <item>the <c>Host</c> must be <c>localhost</c> or an IP address of this machine, so a page on another name that
/// resolves to 127.0.0.1 (DNS rebinding) cannot read or change tasks.</item>
/// </list>
/// State-changing requests (anything but GET, HEAD, OPTIONS, TRACE) must carry <see cref="HeaderName"/>, which a form
/// cannot send and a cross-origin script cannot send without a CORS preflight, and an <c>Origin</c>, when present, equal
/// to the request's own.
/// </remarks>
internal static partial class ManagementAccess
{
    /// <summary>The header a state-changing management request must carry (the dashboard sends <c>1</c>).</summary>
    public const string HeaderName = "X-SoapMiddleware-Management";

    private const string LoggerCategory = "SoapMiddleware.Queue.Management";

    /// <summary>Headers that only a proxy adds, or that the ForwardedHeaders middleware leaves after rewriting.</summary>
    private static readonly string[] ProxyHeaders =
    [
        "Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix",
        "X-Original-For", "X-Original-Host", "X-Original-Proto", "X-Original-Prefix", "X-Real-IP",
    ];

    /// <summary>Protects every endpoint of <paramref name="group"/>; <paramref name="what"/> names it in the 403 answer.</summary>
    public static void Protect(RouteGroupBuilder group, RpcQueueOptions options, string what)
    {
        var localOnly = string.IsNullOrEmpty(options.ManagementPolicy);
        if (!localOnly)
        {
            ManagementPolicyCheck.EnsureUsable(((IEndpointRouteBuilder)group).ServiceProvider, options.ManagementPolicy!);
            group.RequireAuthorization(options.ManagementPolicy!);
        }

        group.AddEndpointFilter((context, next) => Check(context.HttpContext, localOnly, requireHeader: true, what) is { } refusal
            ? ValueTask.FromResult<object?>(Results.Problem(refusal.Detail, statusCode: StatusCodes.Status403Forbidden, title: refusal.Title))
            : next(context));
    }

    /// <summary>
    /// Why <paramref name="http"/> may not use the management surface, or <see langword="null"/> when it may. Refusals
    /// are logged. <paramref name="requireHeader"/> is false for Hangfire's dashboard, whose own script cannot send
    /// <see cref="HeaderName"/>; its writes are still refused when their <c>Origin</c> is another.
    /// </summary>
    public static (string Title, string Detail)? Check(HttpContext http, bool localOnly, bool requireHeader, string what)
    {
        (string Title, string Detail)? refusal = null;
        if (localOnly && LocalRefusal(http) is { } notLocal)
        {
            refusal = ("Local requests only", $"{what} answers local requests only, and {notLocal}. Set Queue:ManagementPolicy to open it to others.");
        }
        else if (CrossSiteRefusal(http.Request, requireHeader) is { } crossSite)
        {
            refusal = ("Cross-site request refused", $"{what} refused this {http.Request.Method}: {crossSite}.");
        }

        if (refusal is { } r && http.RequestServices?.GetService<ILoggerFactory>() is { } loggers)
        {
            Refused(loggers.CreateLogger(LoggerCategory), http.Request.Method, (http.Request.PathBase + http.Request.Path).Value is { Length: > 0 } path ? path : "/", http.Connection.RemoteIpAddress?.ToString() ?? "(none)", r.Detail);
        }

        return refusal;
    }

    /// <summary>Why the request is not local (a clause for the 403 answer), or <see langword="null"/> when it is.</summary>
    internal static string? LocalRefusal(HttpContext http)
    {
        var connection = http.Connection;
        var remote = Unmapped(connection.RemoteIpAddress);
        if (remote is null)
        {
            return "this connection has no remote IP address (a Unix socket or an in-process server), so it cannot be told local";
        }

        if (ProxyHeader(http) is { } header)
        {
            return $"this request came through a proxy (it carries {header})";
        }

        var local = Unmapped(connection.LocalIpAddress);
        if (!IPAddress.IsLoopback(remote) && !remote.Equals(local))
        {
            return $"this request comes from {remote}";
        }

        var host = http.Request.Host;
        if (host.HasValue && !IsLocalName(host.Host, local))
        {
            return $"it is addressed to '{EchoedText.Cap(host.Value!)}', not to localhost or an IP address of this machine (a page on another name that resolves here must not reach it)";
        }

        return null;
    }

    /// <summary>
    /// Why a state-changing request may have been made by another site, or <see langword="null"/>. Reads are left alone:
    /// a cross-origin page cannot read the answers, and the DNS-rebinding case is the <c>Host</c> check's.
    /// </summary>
    internal static string? CrossSiteRefusal(HttpRequest request, bool requireHeader)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return null;
        }

        // Its presence is what a cross-site form cannot fake; its value is checked too, so that "0" or "false" does
        // not read as consent to a change.
        var header = request.Headers[HeaderName].ToString().Trim();
        if (requireHeader && header != "1")
        {
            var got = header.Length == 0 ? "" : $"; got '{EchoedText.Cap(header)}'";
            return $"a state-changing management request must carry the header '{HeaderName}: 1' (the dashboard sends it; a cross-site form cannot){got}";
        }

        var origin = request.Headers.Origin.ToString();
        var own = $"{request.Scheme}://{request.Host.Value}";
        if (origin.Length > 0)
        {
            return SameOrigin(origin, request) ? null : $"its Origin '{EchoedText.Cap(origin)}' is not this server's origin '{EchoedText.Cap(own)}'";
        }

        // No Origin (an old browser, or not a browser): a browser's own word on where the request came from still counts.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length == 0 || site is "same-origin" or "none" ? null : $"it was sent by a page of another origin (Sec-Fetch-Site: {EchoedText.Cap(site)})";
    }

    [LoggerMessage(560, LogLevel.Warning, "Management request {Method} {Path} from {RemoteAddress} refused: {Reason}")]
    private static partial void Refused(ILogger logger, string method, string path, string remoteAddress, string reason);

    private static string? ProxyHeader(HttpContext http)
    {
        var headers = http.Request.Headers;
        foreach (var name in ProxyHeaders)
        {
            if (headers.ContainsKey(name))
            {
                return name;
            }
        }

        // The ForwardedHeaders middleware may be configured with other header names; its originals count the same.
        if (http.RequestServices?.GetService<IOptions<ForwardedHeadersOptions>>()?.Value is { } forwarded)
        {
            foreach (var name in new[] { forwarded.ForwardedForHeaderName, forwarded.ForwardedHostHeaderName, forwarded.ForwardedProtoHeaderName, forwarded.ForwardedPrefixHeaderName, forwarded.OriginalForHeaderName, forwarded.OriginalHostHeaderName, forwarded.OriginalProtoHeaderName, forwarded.OriginalPrefixHeaderName })
            {
                if (!string.IsNullOrEmpty(name) && headers.ContainsKey(name))
                {
                    return name;
                }
            }
        }

        return null;
    }

    /// <summary><c>localhost</c>, a loopback address, or the address the connection was accepted on (IP literals cannot be rebound).</summary>
    private static bool IsLocalName(string host, IPAddress? local)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.TrimStart('[').TrimEnd(']'), out var address)
            && (IPAddress.IsLoopback(Unmapped(address)!) || Unmapped(address)!.Equals(local));
    }

    private static bool SameOrigin(string origin, HttpRequest request)
        => Uri.TryCreate(origin, UriKind.Absolute, out var from)
            && request.Host.HasValue
            && Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var own)
            && string.Equals(from.Scheme, own.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(from.IdnHost, own.IdnHost, StringComparison.OrdinalIgnoreCase)
            && from.Port == own.Port
            && from.AbsolutePath == "/";

    /// <summary>A dual-mode socket shows IPv4 clients as <c>::ffff:a.b.c.d</c>; compare them as IPv4.</summary>
    private static IPAddress? Unmapped(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
