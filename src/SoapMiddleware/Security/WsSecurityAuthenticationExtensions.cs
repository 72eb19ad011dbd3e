using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SoapMiddleware.Security;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the WS-Security UsernameToken scheme: <c>builder.Services.AddAuthentication().AddWsSecurity(o =&gt; ...)</c>.</summary>
public static class WsSecurityAuthenticationExtensions
{
    /// <summary>
    /// Adds the scheme <see cref="WsSecurityDefaults.AuthenticationScheme"/>: a SOAP request's <c>wsse:UsernameToken</c>
    /// (PasswordText or PasswordDigest) authenticates its caller as <c>HttpContext.User</c>, and the endpoints' usual
    /// <c>RequireAuthorization()</c> and <c>[Authorize]</c> apply; a missing or bad token is answered with a SOAP fault.
    /// </summary>
    public static AuthenticationBuilder AddWsSecurity(this AuthenticationBuilder builder, Action<WsSecurityOptions> configure)
        => builder.AddWsSecurity(WsSecurityDefaults.AuthenticationScheme, configure);

    /// <summary>Adds the WS-Security UsernameToken scheme under <paramref name="scheme"/>.</summary>
    public static AuthenticationBuilder AddWsSecurity(this AuthenticationBuilder builder, string scheme, Action<WsSecurityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMemoryCache();
        builder.Services.TryAddSingleton<NonceReplayCache>();
        return builder.AddScheme<WsSecurityOptions, WsSecurityHandler>(scheme, configure);
    }
}
