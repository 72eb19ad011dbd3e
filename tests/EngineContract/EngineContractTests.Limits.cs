using SoapMiddleware.Queue;

namespace SoapMiddleware.EngineContract;

/// <summary>Concurrency limits per operation: calls over the limit wait without holding a worker.</summary>
public abstract partial class EngineContractTests
{
    [SkippableFact]
    public async Task ConcurrencyLimit_CallsOverItWaitWithoutAWorker_OtherCallsRunPastThem()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var first = await Queue.EnqueueAsync<EngineTestService>(s => s.Limited("limited-1", null!, default));
        await Probe.Signal(Probe.Started, "limited-1").Task.WaitAsync(Patience);
        var second = await Queue.EnqueueAsync<EngineTestService>(s => s.Limited("limited-2", null!, default));
        var third = await Queue.EnqueueAsync<EngineTestService>(s => s.Limited("limited-3", null!, default));

        // Two workers: one runs limited-1; were a waiting call to hold the other, the Add could not run.
        var add = await Queue.EnqueueAsync<EngineTestService>(s => s.Add(40, 2, null!));
        await WaitForStateAsync(add, QueuedTaskState.Succeeded);

        Assert.False(Probe.Started.ContainsKey("limited-2") || Probe.Started.ContainsKey("limited-3"));
        Probe.Signal(Probe.Release, "limited-1").TrySetResult();
        await WaitForStateAsync(first, QueuedTaskState.Succeeded);
        var next = await Task.WhenAny(Probe.Signal(Probe.Started, "limited-2").Task, Probe.Signal(Probe.Started, "limited-3").Task).WaitAsync(Patience);
        var (running, waiting) = next == Probe.Signal(Probe.Started, "limited-2").Task ? ("limited-2", "limited-3") : ("limited-3", "limited-2");
        await Task.Delay(500);
        Assert.False(Probe.Signal(Probe.Started, waiting).Task.IsCompleted, waiting + " runs beside " + running);
        Probe.Signal(Probe.Release, running).TrySetResult();
        await Probe.Signal(Probe.Started, waiting).Task.WaitAsync(Patience);
        Probe.Signal(Probe.Release, waiting).TrySetResult();
        await WaitForStateAsync(second, QueuedTaskState.Succeeded);
        await WaitForStateAsync(third, QueuedTaskState.Succeeded);
    }
}
