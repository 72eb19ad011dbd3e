using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.EngineContract;

namespace SoapMiddleware.Queue.Tests.Engine;

/// <summary>The built-in engine on a real Kestrel (127.0.0.1), with short retry and poll intervals.</summary>
internal sealed class BuiltinEngineHost(KestrelApp app) : IEngineHost
{
    public IRpcQueue Queue => app.Services.GetRequiredService<IRpcQueue>();

    public IRpcQueueMonitor Monitor => app.Services.GetRequiredService<IRpcQueueMonitor>();

    public HttpClient Client => app.Client;

    /// <summary>Where Kestrel listens: <c>POST /queue/calls</c> enqueues, <c>GET /queue/tasks/{handle}</c> reads.</summary>
    public Uri BaseAddress => app.BaseAddress;

    public static async Task<IEngineHost> StartAsync(EngineProbe probe, Action<IRpcQueueBuilder> storage, Action<RpcQueueOptions>? configure = null)
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddSingleton(probe);
        SecureEnqueue.AddServices(builder.Services);
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
        SecureEnqueue.Map(app);
        app.MapRpcQueueEndpoint("/queue/calls", "/queue/tasks");
        app.MapRpcQueueTasks("/queue/tasks");
        return new BuiltinEngineHost(await KestrelApp.StartAsync(app));
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
