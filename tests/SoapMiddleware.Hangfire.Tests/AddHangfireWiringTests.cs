using System.Text;
using Hangfire;
using Hangfire.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Hangfire.Tests.Infrastructure;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Hangfire.Tests;

/// <summary>
/// The wiring an application writes (and the sample app does): <c>AddHangfire</c>, <c>AddHangfireServer</c>,
/// <c>AddQueue(o => o.Workers = 2).UseHangfire()</c>. <c>AddHangfire</c> changes Hangfire's process-wide configuration (storage,
/// activator, and a log provider bound to this host's logger factory), so this runs alone, after the parallel tests,
/// and puts the log provider back when the host is gone.
/// </summary>
[Collection(nameof(ProcessWideHangfireCollection))]
public sealed class AddHangfireWiringTests
{
    [Fact]
    public async Task AppWiring_AddHangfire_AddHangfireServer_UseHangfire_RunsCalls()
    {
        HangfireTestGlobals.EnsureConfigured();
        var probe = new QueueProbe();
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddSingleton(probe);
        builder.Services.AddHangfire(c => c.UseInMemoryStorage());
        builder.Services.AddHangfireServer((sp, o) =>
        {
            o.UseRpcQueueOptions(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RpcQueueOptions>>().Value);
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        builder.Services.AddRpc(o => o.Namespace = HangfireTestHost.Tns)
            .AddService<QueueTestService>()
            .AddQueue(o => o.Workers = 2).UseHangfire();

        try
        {
            var app = builder.Build();
            app.MapRpcQueueHangfireDashboard();
            await using var host = await KestrelApp.StartAsync(app);
            var queue = app.Services.GetRequiredService<IRpcQueue>();
            var handle = await queue.EnqueueAsync<QueueTestService>(s => s.Add(20, 22));

            var task = await Wait.ForStateAsync(queue, handle, QueuedTaskState.Succeeded);
            Assert.Contains(">42<", Encoding.UTF8.GetString(task.Result!));
            Assert.Same(app.Services.GetRequiredService<JobStorage>(), JobStorage.Current);
            var workers = await app.Services.GetRequiredService<IRpcQueueMonitor>().GetWorkersAsync();
            Assert.Equal(2, workers.Count);
            await host.StopAsync();
        }
        finally
        {
            // AddHangfire bound Hangfire's log provider to the disposed host's logger factory: unbind it.
            LogProvider.SetCurrentLogProvider(null);
        }
    }
}
