using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SoapMiddleware.Queue.Http;

/// <summary>
/// The rules that guard the queue's management surfaces (the JSON API, the dashboard, Hangfire's dashboard), for a
/// package that maps a surface of its own: the authorization policy named by <see cref="RpcQueueOptions.ManagementPolicy"/>,
/// or local requests only when none is set; either way a state-changing request must be one a cross-site page cannot make.
/// </summary>
public static class RpcQueueManagementAccess
{
    /// <summary>The header a state-changing management request must carry, with the value <c>1</c>.</summary>
    public const string HeaderName = ManagementAccess.HeaderName;

    /// <summary>
    /// Checks, when a surface is mapped, that <c>AddQueue()</c> registered the queue and that the management policy can
    /// work (it exists, and a refused request can be challenged), so a missing piece stops the start instead of answering
    /// every request 500. Returns the policy's name, or <see langword="null"/> when only local requests are allowed.
    /// </summary>
    /// <param name="services">The application's services (<c>IEndpointRouteBuilder.ServiceProvider</c>).</param>
    /// <param name="mapping">The mapping call, named in the exception's message.</param>
    /// <exception cref="InvalidOperationException">The queue is not registered, or the policy cannot work; the message says what to add.</exception>
    public static string? EnsureReady(IServiceProvider services, string mapping)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(mapping);
        QueueRegistrationCheck.EnsureAdded(services, mapping);
        var policy = services.GetRequiredService<IOptions<RpcQueueOptions>>().Value.ManagementPolicy;
        if (string.IsNullOrEmpty(policy))
        {
            return null;
        }

        ManagementPolicyCheck.EnsureUsable(services, policy);
        return policy;
    }

    /// <summary>
    /// Protects every endpoint of <paramref name="group"/> as the management API is protected: the policy or local
    /// requests only, and <see cref="HeaderName"/> on every state-changing request. A refused request is answered 403
    /// with a problem+json naming <paramref name="surface"/> and saying why.
    /// </summary>
    /// <param name="group">The surface's route group.</param>
    /// <param name="surface">The surface's name for people, such as <c>The queue dashboard</c>.</param>
    /// <returns>The same group.</returns>
    public static RouteGroupBuilder Protect(RouteGroupBuilder group, string surface)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentException.ThrowIfNullOrEmpty(surface);
        var options = ((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<IOptions<RpcQueueOptions>>().Value;
        ManagementAccess.Protect(group, options, surface);
        return group;
    }

    /// <summary>
    /// The 403 answer for a request that may not use a surface whose own pages cannot send <see cref="HeaderName"/>
    /// (Hangfire's dashboard): not local while <paramref name="localOnly"/>, or a write from another site's page. Returns
    /// <see langword="null"/> when the request may go on. Refusals are logged.
    /// </summary>
    /// <param name="http">The request.</param>
    /// <param name="surface">The surface's name for people.</param>
    /// <param name="localOnly"><see langword="true"/> when no policy is set and only local requests are allowed.</param>
    public static IResult? Refusal(HttpContext http, string surface, bool localOnly)
    {
        ArgumentNullException.ThrowIfNull(http);
        return ManagementAccess.Check(http, localOnly, requireHeader: false, surface) is { } refusal
            ? Results.Problem(refusal.Detail, statusCode: StatusCodes.Status403Forbidden, title: refusal.Title)
            : null;
    }
}
