using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging;
using SampleApp.Services;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// A web-only app with the management API and the dashboard, configured the way a deployment would be: forwarded
/// headers accepted from anyone (what <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> does), an authorization policy,
/// or a Unix socket. A request's <see cref="RemoteIpHeader"/> sets the connection's address before the ForwardedHeaders
/// middleware runs, standing in for a client on another machine (a test cannot bind a non-loopback address).
/// </summary>
public sealed class ManagementTestApp : IAsyncDisposable
{
    public const string RemoteIpHeader = "X-Test-Remote-Ip";
    public const string Policy = "queue-admins";

    private WebApplication _app = null!;
    private string _directory = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <param name="forwardedHeaders">Run the ForwardedHeaders middleware for X-Forwarded-For and -Proto, trusting every proxy.</param>
    /// <param name="openPolicy">Set <c>Queue:ManagementPolicy</c> to a policy every request satisfies.</param>
    /// <param name="unixSocket">Listen on a Unix socket (no remote IP address) instead of 127.0.0.1.</param>
    public static async Task<ManagementTestApp> StartAsync(bool forwardedHeaders = false, bool openPolicy = false, bool unixSocket = false)
    {
        var server = new ManagementTestApp { _directory = Directory.CreateTempSubdirectory("soapmw-management-").FullName };
        var socket = Path.Combine(server._directory, "app.sock");
        var builder = KestrelApp.CreateBuilder();
        builder.WebHost.UseUrls(unixSocket ? $"http://unix:{socket}" : "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (openPolicy)
        {
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
            builder.Services.AddAuthorization(o => o.AddPolicy(Policy, p => p.RequireAssertion(_ => true)));
        }

        builder.Services.AddRpc().AddService<CalculatorService>()
            .AddQueue(o =>
            {
                o.Role = QueueRole.Web;
                o.ManagementPolicy = openPolicy ? Policy : null;
            })
            .UseSqlite(Path.Combine(server._directory, "queue.db"));
        var app = server._app = builder.Build();
        app.Use((http, next) =>
        {
            if (http.Request.Headers.TryGetValue(RemoteIpHeader, out var remote))
            {
                http.Connection.RemoteIpAddress = remote.ToString() == "none" ? null : IPAddress.Parse(remote.ToString());
                http.Request.Headers.Remove(RemoteIpHeader);
            }

            return next(http);
        });
        if (forwardedHeaders)
        {
            var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            app.UseForwardedHeaders(options);
        }

        app.MapGet("/probe/remote", (HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "none");
        app.MapRpcQueue("/queue/api");
        app.MapRpcDashboard("/rpc-dashboard", "/queue/api");
        await app.StartAsync();
        if (unixSocket)
        {
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, ct) =>
                {
                    var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await client.ConnectAsync(new UnixDomainSocketEndPoint(socket), ct);
                    return new NetworkStream(client, ownsSocket: true);
                },
            };
            server.Client = new HttpClient(handler) { BaseAddress = new Uri("http://localhost") };
        }
        else
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            server.Client = new HttpClient { BaseAddress = new Uri(address) };
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
