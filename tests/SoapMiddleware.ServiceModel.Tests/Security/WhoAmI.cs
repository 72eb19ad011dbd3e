using Microsoft.AspNetCore.Http;

namespace SoapMiddleware.ServiceModel.Tests.Security;

/// <summary>Implements <see cref="IWhoAmI"/>: "{user}:{number + 1}", so a test sees both the call and the identity; Refuse faults.</summary>
public sealed class WhoAmI(IHttpContextAccessor http) : IWhoAmI
{
    string IWhoAmI.WhoAmI(int number) => $"{http.HttpContext?.User.Identity?.Name ?? "(anonymous)"}:{number + 1}";

    string IWhoAmI.Refuse(int number) => throw new System.ServiceModel.FaultException($"refused {number} for {http.HttpContext?.User.Identity?.Name}");
}
