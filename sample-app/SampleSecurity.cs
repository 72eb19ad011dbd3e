using Microsoft.AspNetCore.Authorization;
using SoapMiddleware.Security;

namespace SampleApp;

/// <summary>
/// <c>POST /soap/secure/calculator</c>: the calculator behind a WS-Security UsernameToken (text or digest), its users
/// and passwords from the configuration section <c>Security:Users</c> (<c>"alice": "wonderland"</c>). The interface
/// documents (<c>GET ?wsdl</c>, <c>?xsd</c>) stay public, as a client needs them before it has a token.
/// </summary>
internal static class SampleSecurity
{
    public const string Path = "/soap/secure/calculator";
    private const string Policy = "soap-callers";

    public static void Configure(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddAuthentication()
            .AddWsSecurity(o => o.ValidateUsernameToken = (user, _) => Task.FromResult(PasswordOf(configuration, user)));
        builder.Services.AddAuthorization(o => o.AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(WsSecurityDefaults.AuthenticationScheme)
            .RequireAssertion(c => c.User.Identity?.IsAuthenticated == true || (c.Resource is HttpContext http && HttpMethods.IsGet(http.Request.Method)))));
    }

    public static void Map(WebApplication app)
        => app.MapRpc(Path).RequireAuthorization(Policy);

    // A user name is a configuration key: one with ':' would name a nested section, never a user.
    private static string? PasswordOf(IConfiguration configuration, string user)
        => user.Contains(':', StringComparison.Ordinal) ? null : configuration[$"Security:Users:{user}"];
}
