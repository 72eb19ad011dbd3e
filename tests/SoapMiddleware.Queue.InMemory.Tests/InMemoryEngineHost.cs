using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.EngineContract;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Queue.InMemory.Tests;

/// <summary>
/// The built-in engine over <see cref="InMemoryQueueStorage"/> on a real Kestrel (127.0.0.1), chosen with
/// <c>AddQueue().UseStorage(...)</c> like any storage package: <c>POST /queue/calls</c> enqueues, <c>GET /queue/tasks/{handle}</c> reads.
/// </summary>
internal sealed class InMemoryEngineHost(KestrelApp app) : IEngineHost
{
    public IRpcQueue Queue => app.Services.GetRequiredService<IRpcQueue>();

    public IRpcQueueMonitor Monitor => app.Services.GetRequiredService<IRpcQueueMonitor>();

    public HttpClient Client => app.Client;

    public static async Task<InMemoryEngineHost> StartAsync(EngineProbe probe)
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddSingleton(probe);
        SecureEnqueue.AddServices(builder.Services);
        builder.Services.AddRpc(o => o.Namespace = EngineTestService.Namespace)
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
            })
            .UseStorage(sp => new InMemoryQueueStorage(sp.GetRequiredService<TimeProvider>()));
        var app = builder.Build();
        SecureEnqueue.Map(app);
        app.MapRpcQueueEndpoint("/queue/calls", "/queue/tasks");
        app.MapRpcQueueTasks("/queue/tasks");
        return new InMemoryEngineHost(await KestrelApp.StartAsync(app));
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
