using Microsoft.AspNetCore.Authorization;
using SoapMiddleware.Security;

namespace SampleApp;

/// <summary>
/// <c>POST /soap/secure/calculator</c>: the calculator behind a WS-Security UsernameToken (text or digest), its users
/// and passwords from the configuration section <c>Security:Users</c> (<c>"alice": "wonderland"</c>). The interface
/// documents (<c>GET ?wsdl</c>, <c>?xsd</c>) stay public, as a client needs them before it has a token. The scheme runs
/// only where a policy names it: here and on <c>POST /queue/calculator</c>, which names the caller of a token it is sent
/// (<c>enqueuedBy</c>) and lets anyone else enqueue as before; <c>SampleApp.csproj</c> keeps ASP.NET Core from making the
/// app's only scheme its default, which would run it on every request.
/// </summary>
internal static class SampleSecurity
{
    public const string Path = "/soap/secure/calculator";
    private const string Policy = "soap-callers";
    private const string CallerIfAny = "soap-caller-if-any";

    public static void Configure(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddAuthentication()
            .AddWsSecurity(o => o.ValidateUsernameToken = (user, _) => Task.FromResult(PasswordOf(configuration, user)));
        builder.Services.AddAuthorization(o =>
        {
            o.AddPolicy(Policy, p => p
                .AddAuthenticationSchemes(WsSecurityDefaults.AuthenticationScheme)
                .RequireAssertion(c => c.User.Identity?.IsAuthenticated == true || (c.Resource is HttpContext http && HttpMethods.IsGet(http.Request.Method))));
            o.AddPolicy(CallerIfAny, p => p.AddAuthenticationSchemes(WsSecurityDefaults.AuthenticationScheme).RequireAssertion(_ => true));
        });
    }

    public static void Map(WebApplication app)
        => app.MapRpc(Path).RequireAuthorization(Policy);

    /// <summary>The endpoint reads a request's token when it has one (the caller's name), and serves anyone.</summary>
    public static TBuilder NameCaller<TBuilder>(TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder
        => endpoint.RequireAuthorization(CallerIfAny);

    // A user name is a configuration key: one with ':' would name a nested section, never a user.
    private static string? PasswordOf(IConfiguration configuration, string user)
        => user.Contains(':', StringComparison.Ordinal) ? null : configuration[$"Security:Users:{user}"];
}
