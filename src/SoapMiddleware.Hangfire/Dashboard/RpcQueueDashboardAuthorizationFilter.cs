using Hangfire.Dashboard;
using SoapMiddleware.Queue.Http;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// Protects Hangfire's dashboard by the queue's management rules, which list every task with its handle and can delete
/// or retry them. Local-only (the default, as the management API when <see cref="Queue.RpcQueueOptions.ManagementPolicy"/>
/// is empty): a request from this machine's loopback or own address, that did not come through a proxy (no
/// <c>Forwarded</c>, <c>X-Forwarded-*</c>, <c>X-Real-IP</c> or <c>X-Original-*</c> header), on a connection with a remote
/// address (not a Unix socket), addressed to <c>localhost</c> or an IP address of this machine. In both modes a
/// state-changing request whose <c>Origin</c> is another site's is refused (Hangfire checks antiforgery tokens only when
/// the application registered antiforgery).
/// </summary>
public sealed class RpcQueueDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    private readonly bool _localOnly;

    /// <summary>A filter that allows local requests only.</summary>
    public RpcQueueDashboardAuthorizationFilter()
        : this(localOnly: true)
    {
    }

    /// <summary>A filter for either mode.</summary>
    /// <param name="localOnly">
    /// <see langword="true"/> to allow local requests only; <see langword="false"/> when an authorization policy decides
    /// who may see the dashboard and this filter only refuses cross-site writes.
    /// </param>
    public RpcQueueDashboardAuthorizationFilter(bool localOnly) => _localOnly = localOnly;

    /// <summary>Whether the request may use the dashboard.</summary>
    /// <param name="context">Hangfire's dashboard context (ASP.NET Core).</param>
    /// <returns><see langword="true"/> for an allowed request.</returns>
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Hangfire's own script cannot send the management header, so only the Origin decides on its writes.
        return RpcQueueManagementAccess.Refusal(context.GetHttpContext(), "Hangfire's dashboard", _localOnly) is null;
    }
}
