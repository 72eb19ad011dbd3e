using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SoapMiddleware.Hangfire.Tests.Infrastructure;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Storage;
using Xunit.Abstractions;

namespace SoapMiddleware.Hangfire.Tests;

/// <summary>The engine on Hangfire.InMemory, plus what does not depend on the storage (startup checks, dashboard).</summary>
public sealed class InMemoryHangfireEngineTests(ITestOutputHelper output) : HangfireEngineTests(output)
{
    protected override JobStorage NewStorage() => TestStorages.InMemory();

    [Fact]
    public async Task FanOutSubscriptions_FailTheStart_WithTheReason()
    {
        await using var host = HangfireTestHost.Build(
            TestStorages.InMemory(), Probe, o => o.Subscriptions.Add(new QueueSubscription { Subscriber = "audit", Queue = "events" }));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);
        Assert.Contains("fan-out subscriptions need the built-in engine", error.Message);
        Assert.Contains("Queue:Subscriptions", error.Message);
    }

    [Fact]
    public async Task EngineStart_FanOutSubscriptions_FailsBehindTheEngineSeam()
    {
        // The check is the engine's own start (IQueueEngine.StartAsync, run by the queue's hosted service), not a
        // hosted service of the Hangfire package.
        await using var host = HangfireTestHost.Build(
            TestStorages.InMemory(), Probe, o => o.Subscriptions.Add(new QueueSubscription { Subscriber = "audit", Queue = "events" }), runServer: false);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Engine.StartAsync(CancellationToken.None));
        Assert.Contains("fan-out subscriptions need the built-in engine", error.Message);

        // The one hosted service of the package marks this process's workers Stopped after the host's last stop step.
        var own = host.Services.GetServices<IHostedService>().Select(s => s.GetType()).Where(t => t.Assembly == typeof(RpcJob).Assembly);
        Assert.Equal(new[] { typeof(WorkerRowsLifetime) }, own);
    }

    [Fact]
    public async Task HangfireDashboard_ShowsTheCallByName_ToLocalRequests()
    {
        var host = await HostAsync(dashboard: true);
        var handle = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(2, 3));
        await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Succeeded);

        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var page = await client.GetStringAsync($"/hangfire/jobs/details/{JobId(handle)}");
        Assert.Contains("QueueTestService.Add(2, 3)", page);
        Assert.Contains("soapmw-secret", page);
    }

    [Fact]
    public async Task List_PagesPastFiveThousandSucceededTasks_ToTheOldest()
    {
        // The page used to be filled from at most the first 5,000 entries of Hangfire's list, so the stats counted
        // tasks that no page reached. 5,100 more succeeded copies of a real call, created straight in that state.
        var host = await HostAsync();
        var oldest = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(2, 3));
        await Wait.ForStateAsync(host.Queue, oldest, QueuedTaskState.Succeeded);
        var job = host.Storage.GetMonitoringApi().JobDetails(JobId(oldest)).Job;
        var client = new BackgroundJobClient(host.Storage);
        for (var i = 0; i < 5_100; i++)
        {
            client.Create(job, new SucceededState(null, 0, 0));
        }

        Assert.Equal(5_101, (await host.Monitor.GetStatsAsync()).Count(QueuedTaskState.Succeeded));
        var lastPage = await host.Monitor.ListAsync(QueuedTaskState.Succeeded, null, 5_100, 10);

        Assert.Equal(oldest, Assert.Single(lastPage).Id);
    }
}
