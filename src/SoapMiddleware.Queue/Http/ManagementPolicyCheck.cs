using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace SoapMiddleware.Queue.Http;

/// <summary>
/// Checks, when the management surfaces are mapped, that <see cref="RpcQueueOptions.ManagementPolicy"/> can work: the
/// policy exists and a refused request can be challenged. Without this, a missing piece shows up only as a 500 on
/// every management request (ASP.NET Core's "No authenticationScheme was specified"), long after startup.
/// </summary>
internal static class ManagementPolicyCheck
{
    /// <summary>Throws an <see cref="InvalidOperationException"/> that says what to add, or returns when the policy is usable.</summary>
    public static void EnsureUsable(IServiceProvider services, string policyName)
    {
        var policies = services.GetService<IAuthorizationPolicyProvider>()
            ?? throw Unusable(policyName, "authorization is not set up: call builder.Services.AddAuthorization(o => o.AddPolicy(\"" + policyName + "\", ...))");
        var policy = policies.GetPolicyAsync(policyName).GetAwaiter().GetResult()
            ?? throw Unusable(policyName, "no authorization policy of that name is registered: add it with builder.Services.AddAuthorization(o => o.AddPolicy(\"" + policyName + "\", ...))");
        if (policy.AuthenticationSchemes.Count > 0)
        {
            return;
        }

        var schemes = services.GetService<IAuthenticationSchemeProvider>();
        if (schemes?.GetDefaultChallengeSchemeAsync().GetAwaiter().GetResult() is null)
        {
            throw Unusable(policyName, "no authentication scheme is registered to challenge a refused request: call builder.Services.AddAuthentication(...) with a default scheme (cookies, JWT bearer, ...), or name the schemes in the policy");
        }
    }

    private static InvalidOperationException Unusable(string policyName, string why)
        => new($"Queue:ManagementPolicy names the policy '{policyName}', but {why}.");
}
