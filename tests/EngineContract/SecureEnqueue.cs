using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace SoapMiddleware.EngineContract;

/// <summary>
/// The HTTP enqueue endpoint behind the WS-Security scheme, as an app puts it: <c>POST /secure/calls</c> needs a
/// UsernameToken (alice / wonderland). Every contract host adds it, so the suite checks what each engine stores of an
/// authenticated request.
/// </summary>
public static class SecureEnqueue
{
    public const string Path = "/secure/calls";

    public const string User = "alice";

    public const string Password = "wonderland";

    public static void AddServices(IServiceCollection services)
    {
        services.AddAuthentication().AddWsSecurity(o => o.ValidateUsernameToken = (user, _) => Task.FromResult(user == User ? Password : null));
        services.AddAuthorization();
    }

    public static void Map(WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRpcQueueEndpoint(Path, "/queue/tasks").RequireAuthorization();
    }
}
