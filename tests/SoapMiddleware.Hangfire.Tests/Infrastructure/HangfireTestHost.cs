using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Hangfire.Tests.Infrastructure;

/// <summary>
/// A web app with the toolkit, the queue on the Hangfire engine, and (unless told otherwise) a Hangfire server, on a
/// real Kestrel (127.0.0.1). Hangfire's global configuration is left alone (<see cref="HangfireTestGlobals"/>).
/// </summary>
public sealed class HangfireTestHost : IAsyncDisposable
{
    public const string Tns = "http://example.com/hangfire-tests";
    private readonly WebApplication _app;
    private readonly JobStorage _storage;
    private KestrelApp? _started;

    private HangfireTestHost(WebApplication app, JobStorage storage, string serverName)
    {
        _app = app;
        _storage = storage;
        ServerName = serverName;
    }

    public Uri? BaseAddress { get; private set; }

    public IServiceProvider Services => _app.Services;

    public JobStorage Storage => _storage;

    public string ServerName { get; }

    public IRpcQueue Queue => _app.Services.GetRequiredService<IRpcQueue>();

    public IRpcQueueMonitor Monitor => _app.Services.GetRequiredService<IRpcQueueMonitor>();

    internal IQueueEngine Engine => _app.Services.GetRequiredService<IQueueEngine>();

    public static HangfireTestHost Build(
        JobStorage storage,
        QueueProbe probe,
        Action<RpcQueueOptions>? queue = null,
        Action<BackgroundJobServerOptions>? server = null,
        bool runServer = true,
        bool dashboard = false)
    {
        HangfireTestGlobals.EnsureConfigured();
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddSingleton(probe);
        builder.Services.AddSingleton(storage);
        if (dashboard)
        {
            // What AddHangfire would register for the dashboard, without its process-wide configuration.
            builder.Services.AddSingleton<IGlobalConfiguration>(GlobalConfiguration.Configuration);
            builder.Services.AddSingleton(DashboardRoutes.Routes);
        }

        builder.Services.AddRpc(o => o.Namespace = Tns)
            .AddService<QueueTestService>()
            .AddCallWrapper<ProbeWrapper>()
            .ConfigureEvents(events => events.AddListener(RpcEventNames.MethodCall, context => probe.See("listener", context)))
            .AddQueue(o =>
            {
                o.ShutdownTimeout = TimeSpan.FromSeconds(5);
                queue?.Invoke(o);
            })
            .UseHangfire();

        var serverName = "test-" + Guid.NewGuid().ToString("N")[..8];
        if (runServer)
        {
            var options = new BackgroundJobServerOptions
            {
                ServerName = serverName,
                WorkerCount = 3,
                Queues = ["default", "other"],
                SchedulePollingInterval = TimeSpan.FromSeconds(1),
                CancellationCheckInterval = TimeSpan.FromSeconds(1),
                ShutdownTimeout = TimeSpan.FromSeconds(5),
                StopTimeout = TimeSpan.FromSeconds(1),
            };
            server?.Invoke(options);
            builder.Services.AddSingleton<IHostedService>(sp => new TestHangfireServer(storage, options, sp.GetRequiredService<IServiceScopeFactory>()));
        }

        var app = builder.Build();
        app.UseRpc("/soap");
        if (dashboard)
        {
            app.MapRpcQueueHangfireDashboard("/hangfire");
        }

        return new HangfireTestHost(app, storage, serverName);
    }

    public static async Task<HangfireTestHost> StartAsync(
        JobStorage storage,
        QueueProbe probe,
        Action<RpcQueueOptions>? queue = null,
        Action<BackgroundJobServerOptions>? server = null,
        bool runServer = true,
        bool dashboard = false)
    {
        var host = Build(storage, probe, queue, server, runServer, dashboard);
        await host.StartAsync();
        return host;
    }

    public async Task StartAsync()
    {
        _started = await KestrelApp.StartAsync(_app);
        BaseAddress = _started.BaseAddress;
    }

    public Task StopAsync() => _started?.StopAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Started, the shared host stops and disposes it; built only, it was never started.
            await (_started?.DisposeAsync() ?? _app.DisposeAsync());
        }
        finally
        {
            (_storage as IDisposable)?.Dispose();
        }
    }
}
