using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using SoapMiddleware.Security;

namespace SoapMiddleware.Tests.Security;

/// <summary>A service that says who called it, on a real Kestrel with the WS-Security scheme (or without it).</summary>
internal static class WsSecurityHost
{
    public const string Password = "wonderland";

    public static readonly DateTimeOffset Start = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    public static async Task<KestrelApp> StartAsync(
        FakeTimeProvider? time = null,
        bool withHandler = true,
        Action<IServiceCollection>? services = null,
        Action<WsSecurityOptions>? options = null)
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddHttpContextAccessor();
        services?.Invoke(builder.Services);
        if (withHandler)
        {
            builder.Services.AddAuthentication().AddWsSecurity(o =>
            {
                o.ValidateUsernameToken = (user, _) => Task.FromResult(user is "alice" or "bob" ? Password : null);
                o.TimeProvider = time;
                options?.Invoke(o);
            });
            builder.Services.AddAuthorization(o => o.AddPolicy("alice-only", p => p.RequireUserName("alice")));
        }

        builder.Services.AddRpc(o => o.Namespace = SoapRequests.Tns).AddService<WhoAmIService>();
        var app = builder.Build();
        if (withHandler)
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapRpc("/secure").RequireAuthorization();
            app.MapRpc("/alice").RequireAuthorization("alice-only");
        }

        app.MapRpc("/open");
        return await KestrelApp.StartAsync(app);
    }

    [RpcService]
    public sealed class WhoAmIService(IHttpContextAccessor http)
    {
        [RpcMethod]
        public string WhoAmI(string text) => $"{http.HttpContext?.User.Identity?.Name ?? "(anonymous)"}:{text.Length}";
    }
}
