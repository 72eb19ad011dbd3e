using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SoapMiddleware.EngineContract;

namespace SoapMiddleware.Queue.Tests.Engine;

/// <summary>The built-in engine on a real Kestrel (127.0.0.1), with short retry and poll intervals.</summary>
internal sealed class BuiltinEngineHost(WebApplication app) : IEngineHost
{
    public IRpcQueue Queue => app.Services.GetRequiredService<IRpcQueue>();

    public IRpcQueueMonitor Monitor => app.Services.GetRequiredService<IRpcQueueMonitor>();

    /// <summary>Where Kestrel listens: <c>POST /queue/calls</c> enqueues, <c>GET /queue/tasks/{handle}</c> reads.</summary>
    public Uri BaseAddress => new(app.Urls.First());

    public static async Task<IEngineHost> StartAsync(EngineProbe probe, Action<IRpcQueueBuilder> storage, Action<RpcQueueOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(probe);
        storage(builder.Services.AddRpc(o => o.Namespace = EngineTestService.Namespace)
            .AddService<EngineTestService>()
            .AddQueue(o =>
            {
                o.Workers = 2;
                o.LeaseTimeout = TimeSpan.FromSeconds(5);
                o.PollInterval = TimeSpan.FromMilliseconds(200);
                o.RecurringPollInterval = TimeSpan.FromMilliseconds(200);
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(200);
                o.RetryMaxDelay = TimeSpan.FromSeconds(1);
                o.ShutdownTimeout = TimeSpan.FromSeconds(2);
                configure?.Invoke(o);
            }));
        var app = builder.Build();
        app.MapRpcQueueEndpoint("/queue/calls", "/queue/tasks");
        app.MapRpcQueueTasks("/queue/tasks");
        await app.StartAsync();
        return new BuiltinEngineHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
