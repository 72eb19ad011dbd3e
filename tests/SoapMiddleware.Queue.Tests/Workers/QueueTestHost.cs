using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Workers;

/// <summary>A web app with the toolkit and the queue on a real Kestrel (127.0.0.1), over a storage the test chooses.</summary>
public sealed class QueueTestHost : IAsyncDisposable
{
    public const string Tns = "http://example.com/queue-tests";
    private readonly KestrelApp _app;

    private QueueTestHost(KestrelApp app) => _app = app;

    public Uri BaseAddress => _app.BaseAddress;

    public HttpClient Client => _app.Client;

    public IRpcQueue Queue => _app.Services.GetRequiredService<IRpcQueue>();

    public IRpcQueueMonitor Monitor => _app.Services.GetRequiredService<IRpcQueueMonitor>();

    /// <summary>The built-in engine's storage, for what only the storage can show (subscription cursors).</summary>
    public IQueueStorage Storage => _app.Services.GetRequiredService<IQueueStorage>();

    public static async Task<QueueTestHost> StartAsync(QueueProbe probe, Func<IQueueStorage> storage, TimeProvider time, Action<RpcQueueOptions> configure)
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddSingleton(probe);
        builder.Services.AddSingleton(time);
        builder.Services.AddRpc(o => o.Namespace = Tns)
            .AddService<QueueTestService>()
            .AddCallWrapper<ProbeWrapper>()
            .ConfigureEvents(events => events.AddListener(RpcEventNames.MethodCall, context => probe.See("listener", context)))
            .AddQueue(o =>
            {
                o.Workers = 2;
                o.LeaseTimeout = TimeSpan.FromSeconds(3);
                o.PollInterval = TimeSpan.FromMilliseconds(200);
                o.ShutdownTimeout = TimeSpan.FromSeconds(5);
                o.RetryBaseDelay = TimeSpan.FromSeconds(10);
                configure(o);
            })
            .UseStorage(_ => storage());
        var app = builder.Build();
        app.UseRpc("/soap");
        app.MapRpcQueueEndpoint("/queue/test", "/queue/tasks");
        app.MapRpcQueueTasks("/queue/tasks");
        app.MapRpcQueue("/queue/api");
        return new QueueTestHost(await KestrelApp.StartAsync(app));
    }

    public Task StopAsync() => _app.StopAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
