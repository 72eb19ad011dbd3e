using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SoapMiddleware.EngineContract;
using SoapMiddleware.Hangfire.Tests.Infrastructure;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Hangfire.Tests.Engine;

/// <summary>
/// The Hangfire engine for the contract suite: a real Kestrel (127.0.0.1), its own storage and Hangfire server (see
/// <see cref="HangfireTestGlobals"/> for why not <c>AddHangfire</c>), retries a second apart, schedules polled each second.
/// </summary>
internal sealed class HangfireEngineHost(KestrelApp app, JobStorage storage) : IEngineHost
{
    public IRpcQueue Queue => app.Services.GetRequiredService<IRpcQueue>();

    public IRpcQueueMonitor Monitor => app.Services.GetRequiredService<IRpcQueueMonitor>();

    public HttpClient Client => app.Client;

    public static async Task<IEngineHost> StartAsync(EngineProbe probe, JobStorage storage, Action<RpcQueueOptions>? configure = null)
    {
        HangfireTestGlobals.EnsureConfigured();
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddSingleton(probe);
        builder.Services.AddSingleton(storage);
        SecureEnqueue.AddServices(builder.Services);
        builder.Services.AddRpc(o => o.Namespace = EngineTestService.Namespace)
            .AddService<EngineTestService>()
            .AddQueue(o =>
            {
                o.ShutdownTimeout = TimeSpan.FromSeconds(2);
                configure?.Invoke(o);
            })
            .UseHangfire();
        var options = new BackgroundJobServerOptions
        {
            ServerName = "contract-" + Guid.NewGuid().ToString("N")[..8],
            WorkerCount = 2,
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
            CancellationCheckInterval = TimeSpan.FromSeconds(1),
            ShutdownTimeout = TimeSpan.FromSeconds(2),
            StopTimeout = TimeSpan.FromSeconds(1),
        };
        builder.Services.AddSingleton<IHostedService>(sp => new TestHangfireServer(storage, options, sp.GetRequiredService<IServiceScopeFactory>()));
        var app = builder.Build();
        SecureEnqueue.Map(app);
        return new HangfireEngineHost(await KestrelApp.StartAsync(app), storage);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await app.DisposeAsync();
        }
        finally
        {
            (storage as IDisposable)?.Dispose();
        }
    }
}
