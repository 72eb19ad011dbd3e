using Hangfire;
using SoapMiddleware.Hangfire.Tests.Infrastructure;
using SoapMiddleware.Queue;
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
}
