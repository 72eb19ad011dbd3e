using SoapMiddleware.Queue;

namespace SoapMiddleware.EngineContract;

/// <summary>One worker identity: the id a task names is the id the workers API lists and the id the method saw.</summary>
public abstract partial class EngineContractTests
{
    [SkippableFact]
    public async Task RunningAndFinishedTask_NameTheWorkerTheWorkersApiLists()
    {
        Skip.If(SkipReason is not null, SkipReason);

        var running = await Queue.EnqueueAsync<EngineTestService>(s => s.Block("identity", null!, default));
        await Probe.Signal(Probe.Started, "identity").Task.WaitAsync(Patience);
        var worker = await Wait.ForAsync(async () => (await Monitor.GetWorkersAsync()).FirstOrDefault(w => w.CurrentTaskId == running), "the row of the worker running the task", Patience);
        var whileRunning = await Wait.ForAsync(async () => await Queue.GetAsync(running) is { WorkerId: { } id } t && id == worker.WorkerId ? t : null, "the task naming its worker", Patience);
        Assert.Equal(QueuedTaskState.Processing, whileRunning.State);
        Probe.Signal(Probe.Release, "identity").TrySetResult();
        var finished = await WaitForStateAsync(running, QueuedTaskState.Succeeded);
        Assert.Equal(worker.WorkerId, finished.WorkerId);

        var quick = await Queue.EnqueueAsync<EngineTestService>(s => s.Add(5, 6, null!));
        var done = await WaitForStateAsync(quick, QueuedTaskState.Succeeded);
        var transport = Assert.Single(Probe.Transports, t => t.TaskId == quick);
        Assert.Equal(transport.WorkerId, done.WorkerId);
        // Worker rows are written within 100 ms of a change, not in the same transaction as the outcome: poll for the row.
        var listed = await Wait.ForAsync(async () => (await Monitor.GetWorkersAsync()).FirstOrDefault(w => w.WorkerId == done.WorkerId), "the row of the worker the task names", Patience);
        Assert.Equal(done.WorkerId, listed.WorkerId);

        // History names the worker, or for the fetch on the built-in engine the process that leased the task for it.
        var named = (await Queue.GetHistoryAsync(quick)).Select(h => h.WorkerId).OfType<string>().ToList();
        Assert.NotEmpty(named);
        Assert.All(named, id => Assert.True(id == done.WorkerId || done.WorkerId!.StartsWith(id + "/", StringComparison.Ordinal), $"{id} is not {done.WorkerId} or its process"));
    }
}
