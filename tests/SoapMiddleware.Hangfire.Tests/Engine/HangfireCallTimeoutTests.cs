using SoapMiddleware.EngineContract;
using SoapMiddleware.Hangfire.Tests.Infrastructure;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Hangfire.Tests.Engine;

/// <summary>
/// On Hangfire too, a call that runs past <c>Queue:CallTimeout</c> fails for good after one attempt, whatever the retry
/// policy says, unless its operation allows a retry after a timeout.
/// </summary>
public sealed class HangfireCallTimeoutTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task CallRunsPastTheTimeout_AttemptsLeft_FailedAfterOneAttempt_NotRetried()
    {
        var probe = new EngineProbe();
        await using var host = await HangfireEngineHost.StartAsync(probe, TestStorages.InMemory(), o => o.CallTimeout = TimeSpan.FromSeconds(1));

        var handle = await host.Queue.EnqueueAsync<EngineTestService>(s => s.Block("once", null!, default), new EnqueueOptions { MaxAttempts = 3 });
        await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Failed, Patience);
        await Task.Delay(1500);

        var task = (await host.Queue.GetAsync(handle))!;
        Assert.Equal((QueuedTaskState.Failed, TaskOutcome.Failed, 1), (task.State, task.Outcome, task.Attempt));
        Assert.Contains("Timed out after 00:00:01", task.Reason);
        Assert.Contains("not retried", task.Reason);
    }

    [Fact]
    public async Task CallRunsPastTheTimeout_OperationAllowsRetry_RetriedUntilMaxAttempts()
    {
        var probe = new EngineProbe();
        await using var host = await HangfireEngineHost.StartAsync(probe, TestStorages.InMemory(), o => o.CallTimeout = TimeSpan.FromSeconds(1));

        var handle = await host.Queue.EnqueueAsync<EngineTestService>(s => s.BlockRetried("again", null!, default), new EnqueueOptions { MaxAttempts = 2 });
        var task = await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Failed, Patience);

        Assert.Equal(2, probe.RunCount("BlockRetried again"));
        Assert.Equal((TaskOutcome.Failed, 2), (task.Outcome, task.Attempt));
        Assert.Contains("Timed out after 00:00:01", task.Reason);
        Assert.DoesNotContain("not retried", task.Reason);
    }
}
