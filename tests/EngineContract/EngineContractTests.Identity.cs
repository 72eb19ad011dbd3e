using System.Text;
using SoapMiddleware.Queue;

namespace SoapMiddleware.EngineContract;

/// <summary>Who enqueued a call: kept with the task, seen by the queued run, shown by the monitor.</summary>
public abstract partial class EngineContractTests
{
    [SkippableFact]
    public async Task QueuedCall_EnqueuedBy_SeenByTheMethodAndKeptWithTheTask()
    {
        Skip.If(SkipReason is not null, SkipReason);

        var handle = await Queue.EnqueueAsync<EngineTestService>(s => s.WhoEnqueued("by-alice", null!), new EnqueueOptions { EnqueuedBy = "alice" });
        var anonymous = await Queue.EnqueueAsync<EngineTestService>(s => s.WhoEnqueued("anonymous", null!));
        var task = await WaitForStateAsync(handle, QueuedTaskState.Succeeded);
        var other = await WaitForStateAsync(anonymous, QueuedTaskState.Succeeded);

        Assert.Equal("alice", task.EnqueuedBy);
        Assert.Contains(">alice</", Encoding.UTF8.GetString(task.Result!), StringComparison.Ordinal);
        Assert.Contains("WhoEnqueued by-alice alice", Probe.Runs);
        Assert.Null(other.EnqueuedBy);
        Assert.Contains("WhoEnqueued anonymous (nobody)", Probe.Runs);
    }
}
