using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.EngineContract;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Engine;

/// <summary>A queued call that never returns cannot hold a worker forever: Queue:CallTimeout cancels it and the attempt fails with a clear reason.</summary>
public sealed class CallTimeoutTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("soapmw-timeout-").FullName;

    [Fact]
    public async Task CallRunsPastTheTimeout_Cancelled_FailedWithTimeoutReason()
    {
        var probe = new EngineProbe();
        await using var host = await BuiltinEngineHost.StartAsync(probe, q => q.UseSqlite(Path.Combine(_directory, "q.db")), o => o.CallTimeout = TimeSpan.FromSeconds(1));

        var handle = await host.Queue.EnqueueAsync<EngineTestService>(s => s.Block("forever", null!, default), new EnqueueOptions { MaxAttempts = 1 });

        await probe.Signal(probe.Cancelled, "forever").Task.WaitAsync(TimeSpan.FromSeconds(10));
        var task = await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Failed, TimeSpan.FromSeconds(10));
        Assert.Equal(QueuedTaskState.Failed, task.State);
        Assert.Contains("Timed out after 00:00:01", task.Reason);
    }

    [Fact]
    public async Task CallRunsPastTheTimeout_AttemptsLeft_FailedAfterOneAttempt_NotRetried()
    {
        var probe = new EngineProbe();
        await using var host = await BuiltinEngineHost.StartAsync(probe, q => q.UseSqlite(Path.Combine(_directory, "q.db")), o => o.CallTimeout = TimeSpan.FromSeconds(1));

        var handle = await host.Queue.EnqueueAsync<EngineTestService>(s => s.Block("once", null!, default), new EnqueueOptions { MaxAttempts = 3 });
        var task = await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Failed, TimeSpan.FromSeconds(20));
        await Task.Delay(1000);

        task = (await host.Queue.GetAsync(handle))!;
        Assert.Equal((QueuedTaskState.Failed, TaskOutcome.Failed, 1), (task.State, task.Outcome, task.Attempt));
        Assert.Contains("Timed out after 00:00:01", task.Reason);
        Assert.Contains("not retried", task.Reason);
    }

    [Fact]
    public async Task CallRunsPastTheTimeout_OperationAllowsRetry_RetriedUntilMaxAttempts()
    {
        var probe = new EngineProbe();
        await using var host = await BuiltinEngineHost.StartAsync(probe, q => q.UseSqlite(Path.Combine(_directory, "q.db")), o => o.CallTimeout = TimeSpan.FromSeconds(1));

        var handle = await host.Queue.EnqueueAsync<EngineTestService>(s => s.BlockRetried("again", null!, default), new EnqueueOptions { MaxAttempts = 2 });
        var task = await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Failed, TimeSpan.FromSeconds(20));

        Assert.Equal(2, probe.RunCount("BlockRetried again"));
        Assert.Equal((TaskOutcome.Failed, 2), (task.Outcome, task.Attempt));
        Assert.Contains("Timed out after 00:00:01", task.Reason);
        Assert.DoesNotContain("not retried", task.Reason);
    }

    [Fact]
    public async Task CallRunsPastTheTimeout_RetryOnTimeoutOption_Retried()
    {
        var probe = new EngineProbe();
        await using var host = await BuiltinEngineHost.StartAsync(probe, q => q.UseSqlite(Path.Combine(_directory, "q.db")), o =>
        {
            o.CallTimeout = TimeSpan.FromSeconds(1);
            o.RetryOnTimeout.Add("Block");
        });

        var handle = await host.Queue.EnqueueAsync<EngineTestService>(s => s.Block("option", null!, default), new EnqueueOptions { MaxAttempts = 2 });
        var task = await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Failed, TimeSpan.FromSeconds(20));

        Assert.Equal(2, task.Attempt);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
