using System.Text;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;
using SoapMiddleware.Queue.Tests.Storage;

namespace SoapMiddleware.Queue.Tests.Workers;

/// <summary>
/// The queue end to end: producer, hosted workers, pipeline, outcome recording. Written once and run on both
/// storages (SQLite file, PostgreSQL schema).
/// </summary>
public abstract partial class QueueWorkerTests : IAsyncLifetime
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly List<IQueueStorage> _storages = [];

    protected QueueProbe Probe { get; } = new();

    protected abstract IQueueStorage CreateStorageCore(TimeProvider time);

    protected virtual Task CleanupAsync() => Task.CompletedTask;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var storage in _storages)
        {
            if (storage is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        await CleanupAsync();
    }

    protected IQueueStorage CreateStorage(TimeProvider time)
    {
        var storage = CreateStorageCore(time);
        _storages.Add(storage);
        return storage;
    }

    protected Task<QueueTestHost> StartAsync(Action<RpcQueueOptions>? configure = null, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        return QueueTestHost.StartAsync(Probe, () => CreateStorage(time), time, configure ?? (_ => { }));
    }

    protected static Task<QueuedTaskInfo> WaitForStateAsync(IRpcQueue queue, string id, QueuedTaskState state, Action? tick = null)
        => Wait.ForStateAsync(queue, id, state, Patience, tick, TimeSpan.FromMilliseconds(25));

    [StorageFact]
    public async Task TypedCall_WorkerRuns_SucceededWithSoapResultAndHistory()
    {
        await using var host = await StartAsync();

        var id = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(2, 3));
        var task = await WaitForStateAsync(host.Queue, id, QueuedTaskState.Succeeded);

        Assert.Contains("<tns:AddResult>5</tns:AddResult>", Encoding.UTF8.GetString(task.Result!));
        Assert.Equal(1, task.Attempt);
        Assert.Equal("Add", task.Operation);
        var history = await host.Queue.GetHistoryAsync(id);
        Assert.Equal([QueuedTaskState.Enqueued, QueuedTaskState.Processing, QueuedTaskState.Succeeded], history.Select(h => h.State));
    }

    [StorageFact]
    public async Task QueuedCall_WrappersAndListenersSeeQueueTransport()
    {
        await using var host = await StartAsync();

        var id = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(1, 1));
        await WaitForStateAsync(host.Queue, id, QueuedTaskState.Succeeded);

        var seen = Probe.Seen.Where(s => s.TaskId == id).ToList();
        Assert.Equal(["listener", "wrapper", "method"], seen.Select(s => s.Source));
        Assert.All(seen, s =>
        {
            Assert.Equal("queue", s.Transport);
            Assert.Equal(1, s.Attempt);
            Assert.Matches(@"/\d+$", s.WorkerId);
        });
    }

    [StorageFact]
    public async Task PoisonPayload_FailsAtOnceWithFaultAndNoRetry()
    {
        await using var host = await StartAsync();

        var id = await host.Queue.EnqueueRequestAsync(Encoding.UTF8.GetBytes("this is <not xml"), "text/xml; charset=utf-8", null);
        var task = await WaitForStateAsync(host.Queue, id, QueuedTaskState.Failed);

        Assert.Equal(1, task.Attempt);
        Assert.Contains("not well-formed", Encoding.UTF8.GetString(task.Fault!));
        Assert.Contains("not retried", task.Reason);
    }

    [StorageFact]
    public async Task ClientFault_FailsWithoutRetry()
    {
        await using var host = await StartAsync();

        var id = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Divide(1, 0));
        var task = await WaitForStateAsync(host.Queue, id, QueuedTaskState.Failed);

        Assert.Equal(1, task.Attempt);
        Assert.Contains("Division by zero.", Encoding.UTF8.GetString(task.Fault!));
        Assert.Single(Probe.Runs, r => r == "Divide 1 0");
    }

    [StorageFact]
    public async Task MethodThrows_RetriedAfterBackoffOnTheFakeClock_ThenSucceeds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Probe.FailuresLeft["k"] = 1;
        await using var host = await StartAsync(o => o.RetryBaseDelay = TimeSpan.FromSeconds(10), time);

        var id = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Flaky("k"));
        var failedAt = time.GetUtcNow();
        var scheduled = await WaitForStateAsync(host.Queue, id, QueuedTaskState.Scheduled);

        Assert.InRange(scheduled.NotBefore!.Value, failedAt + TimeSpan.FromSeconds(7.5), failedAt + TimeSpan.FromSeconds(12.5));
        await Task.Delay(300);
        Assert.Single(Probe.Runs, r => r == "Flaky k");
        time.Advance(TimeSpan.FromSeconds(13));
        var task = await WaitForStateAsync(host.Queue, id, QueuedTaskState.Succeeded, () => time.Advance(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(2, task.Attempt);
        Assert.Contains((await host.Queue.GetHistoryAsync(id)), h => h.Reason!.StartsWith("Retry 1 of", StringComparison.Ordinal));
    }

    [StorageFact]
    public async Task MethodKeepsThrowing_FailedAfterMaxAttempts()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Probe.FailuresLeft["always"] = 100;
        await using var host = await StartAsync(o => o.RetryBaseDelay = TimeSpan.FromSeconds(1), time);

        var id = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Flaky("always"), new EnqueueOptions { MaxAttempts = 3 });
        var task = await WaitForStateAsync(host.Queue, id, QueuedTaskState.Failed, () => time.Advance(TimeSpan.FromSeconds(1)));

        Assert.Equal(3, task.Attempt);
        Assert.Contains("Failed after 3 attempts", task.Reason);
        Assert.Equal(3, Probe.Runs.Count(r => r == "Flaky always"));
    }

    [StorageFact]
    public async Task DelayedTask_WaitsForTheFakeClock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(time: time);

        var id = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(4, 4), new EnqueueOptions { Delay = TimeSpan.FromMinutes(1) });
        await Task.Delay(500);

        Assert.Equal(QueuedTaskState.Scheduled, (await host.Queue.GetAsync(id))!.State);
        Assert.Empty(Probe.Runs);
        time.Advance(TimeSpan.FromSeconds(61));
        await WaitForStateAsync(host.Queue, id, QueuedTaskState.Succeeded, () => time.Advance(TimeSpan.FromMilliseconds(200)));
    }

    [StorageFact]
    public async Task Retention_OldSucceededTaskPurgedByTheWorkers_FailedKept()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(o => o.Retention = TimeSpan.FromHours(1), time);
        var done = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(5, 5));
        var failed = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Divide(1, 0));
        await WaitForStateAsync(host.Queue, done, QueuedTaskState.Succeeded);
        await WaitForStateAsync(host.Queue, failed, QueuedTaskState.Failed);

        time.Advance(TimeSpan.FromHours(2));
        await Wait.UntilAsync(
            async () =>
            {
                if (await host.Queue.GetAsync(done) is null)
                {
                    return true;
                }

                time.Advance(TimeSpan.FromMinutes(5));
                return false;
            },
            "the retention cleaner to purge the succeeded task",
            Patience);

        Assert.Null(await host.Queue.GetAsync(done));
        Assert.Equal(QueuedTaskState.Failed, (await host.Queue.GetAsync(failed))!.State);
    }

    [StorageFact]
    public async Task IdempotencyKey_SecondEnqueueReturnsFirstTaskAndRunsOnce()
    {
        await using var host = await StartAsync();

        var first = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(7, 7), new EnqueueOptions { IdempotencyKey = "order-7" });
        var second = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(7, 7), new EnqueueOptions { IdempotencyKey = "order-7" });
        await WaitForStateAsync(host.Queue, first, QueuedTaskState.Succeeded);
        await Task.Delay(300);

        Assert.Equal(first, second);
        Assert.Single(Probe.Runs, r => r.StartsWith("Add 7 7", StringComparison.Ordinal));
    }

    [StorageFact]
    public async Task DeadWorkersLease_Expires_TaskRedeliveredAndSucceeds()
    {
        var setup = CreateStorage(TimeProvider.System);
        await setup.InitializeAsync();
        var payload = Encoding.UTF8.GetBytes($"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Add xmlns="{QueueTestHost.Tns}"><a>20</a><b>22</b></Add></s:Body></s:Envelope>""");
        var rowId = await setup.Tasks.EnqueueAsync(new NewQueuedTask { Call = new QueuedCall { ContentType = "text/xml; charset=utf-8", Payload = payload, Operation = "Add" } });
        var id = (await setup.Tasks.GetAsync(rowId))!.Id;
        var stolen = await setup.Queue.FetchAsync(["default"], "dead-worker", 1, TimeSpan.FromSeconds(1));
        Assert.Equal(rowId, Assert.Single(stolen).Id);

        await using var host = await StartAsync();
        var task = await WaitForStateAsync(host.Queue, id, QueuedTaskState.Succeeded);

        Assert.Equal(2, task.Attempt);
        var fetches = (await host.Queue.GetHistoryAsync(id)).Where(h => h.State == QueuedTaskState.Processing).ToList();
        Assert.Equal("dead-worker", fetches[0].WorkerId);
        Assert.NotEqual("dead-worker", fetches[1].WorkerId);
    }

    [StorageFact]
    public async Task GracefulShutdown_RunningTaskPastTimeout_CancelledAndPutBack()
    {
        var host = await StartAsync(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(500));
        var id = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Block("stop", null!, default));
        await Probe.Signal(Probe.Started, "stop").Task.WaitAsync(Patience);
        var queue = host.Queue;

        await host.StopAsync();

        await Probe.Signal(Probe.Cancelled, "stop").Task.WaitAsync(Patience);
        var task = await queue.GetAsync(id);
        Assert.Equal(QueuedTaskState.Enqueued, task!.State);
        Assert.Equal(0, task.Attempt);
        Assert.Contains("put back", task.Reason);
        await host.DisposeAsync();
    }

    [StorageFact]
    public async Task GracefulShutdown_RunningTaskFinishesInTime_Succeeded()
    {
        var host = await StartAsync(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        var id = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Block("finish", null!, default));
        await Probe.Signal(Probe.Started, "finish").Task.WaitAsync(Patience);
        var queue = host.Queue;

        var stopping = host.StopAsync();
        await Task.Delay(300);
        Probe.Signal(Probe.Release, "finish").TrySetResult();
        await stopping;

        Assert.Equal(QueuedTaskState.Succeeded, (await queue.GetAsync(id))!.State);
        await host.DisposeAsync();
    }

    [StorageFact]
    public async Task DeleteRunningTask_MethodCancelledAndTaskDeleted()
    {
        await using var host = await StartAsync();
        var id = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Block("delete", null!, default));
        await Probe.Signal(Probe.Started, "delete").Task.WaitAsync(Patience);

        Assert.True(await host.Queue.DeleteAsync(id));

        await Probe.Signal(Probe.Cancelled, "delete").Task.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(300);
        Assert.Equal(QueuedTaskState.Deleted, (await host.Queue.GetAsync(id))!.State);
    }

    [StorageFact]
    public async Task ProgressReport_VisibleOnTaskAndWorkerRow()
    {
        await using var host = await StartAsync();
        var id = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Block("progress", null!, default));
        await Probe.Signal(Probe.Started, "progress").Task.WaitAsync(Patience);

        var worker = await Wait.ForAsync(
            async () => (await host.Monitor.GetWorkersAsync()).FirstOrDefault(w => w.CurrentTaskId == id && w.ProgressPercent == 50),
            "the worker's row at 50%",
            TimeSpan.FromSeconds(5));
        Assert.Equal(WorkerState.Processing, worker.State);
        Assert.Equal("half way", worker.ProgressMessage);
        var task = await host.Queue.GetAsync(id);
        Assert.Equal(50, task!.ProgressPercent);
        Probe.Signal(Probe.Release, "progress").TrySetResult();
        await WaitForStateAsync(host.Queue, id, QueuedTaskState.Succeeded);
    }

    [StorageFact]
    public async Task FanOutSubscribers_EachRunsEveryTaskInOrderWithOwnCursor()
    {
        await using var host = await StartAsync(o => o.Subscriptions =
        [
            new QueueSubscription { Subscriber = "audit", Queue = "events" },
            new QueueSubscription { Subscriber = "mail", Queue = "events" },
        ]);

        var ids = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add(await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(i, 100), new EnqueueOptions { Queue = "events" }));
        }

        await Wait.UntilAsync(() => Task.FromResult(Probe.Runs.Count >= 10), "both subscribers' five runs", Patience);

        foreach (var subscriber in new[] { "audit", "mail" })
        {
            Assert.Equal(Enumerable.Range(1, 5).Select(i => $"Add {i} 100 by {subscriber}"), Probe.Runs.Where(r => r.EndsWith(subscriber, StringComparison.Ordinal)));
            // The cursor moves just after the method ran: give it the moment between the run and its write.
            var last = long.Parse(ids[^1].Split('-')[0]);
            var cursor = await Wait.ForAsync(
                () => host.Storage.Subscriptions.GetSubscriptionCursorAsync(subscriber, "events"), c => c == last, $"{subscriber}'s cursor at {last}", Patience);

            Assert.Equal(last, cursor);
        }

        Assert.Equal(QueuedTaskState.Enqueued, (await host.Queue.GetAsync(ids[0]))!.State);
    }
}
