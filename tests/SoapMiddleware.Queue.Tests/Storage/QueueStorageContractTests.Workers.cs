using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Storage;

public abstract partial class QueueStorageContractTests
{
    private static readonly DateTimeOffset WorkerStart = new(2025, 6, 1, 11, 0, 0, TimeSpan.Zero);

    private const string Handle7 = "7-0123456789abcdef0123456789abcdef";
    private const string Handle6 = "6-fedcba9876543210fedcba9876543210";

    private static WorkerStatus Worker(string id, WorkerState state = WorkerState.Idle, string? task = null, string? operation = null) => new()
    {
        WorkerId = id,
        Host = "host-a",
        ProcessId = 4242,
        State = state,
        CurrentTaskId = task,
        CurrentOperation = operation,
        StartedAt = WorkerStart,
    };

    [StorageFact]
    public async Task HeartbeatWorker_InsertsThenUpdatesTheRow()
    {
        await Storage.Workers.HeartbeatWorkerAsync(Worker(W1));
        Time.Advance(TimeSpan.FromSeconds(5));
        await Storage.Workers.HeartbeatWorkerAsync(Worker(W1, WorkerState.Processing, Handle7, "Calculator.Add") with
        {
            ProgressPercent = 50, ProgressMessage = "half", Processed = 3, Failed = 1, LastTaskId = Handle6,
        });
        await Storage.Workers.HeartbeatWorkerAsync(Worker(W2));

        var workers = await Storage.Monitoring.GetWorkersAsync();

        Assert.Equal([W1, W2], workers.Select(w => w.WorkerId));
        var w1 = workers[0];
        Assert.Equal((WorkerState.Processing, Handle7, "Calculator.Add"), (w1.State, w1.CurrentTaskId, w1.CurrentOperation));
        Assert.Equal((50, "half"), (w1.ProgressPercent, w1.ProgressMessage));
        Assert.Equal((3L, 1L, Handle6, "host-a", 4242), (w1.Processed, w1.Failed, w1.LastTaskId, w1.Host, w1.ProcessId));
        Assert.Equal(Time.GetUtcNow(), w1.HeartbeatAt);
        Assert.Equal(WorkerStart, w1.StartedAt);
        Assert.Equal((null, null, null), (workers[1].CurrentTaskId, workers[1].CurrentOperation, workers[1].LastTaskId));
    }

    [StorageFact]
    public async Task HeartbeatWorker_GoingIdle_ClearsTheCurrentTaskAndOperation()
    {
        await Storage.Workers.HeartbeatWorkerAsync(Worker(W1, WorkerState.Processing, Handle7, "Calculator.Add"));
        await Storage.Workers.HeartbeatWorkerAsync(Worker(W1) with { LastTaskId = Handle7 });

        var w1 = Assert.Single(await Storage.Monitoring.GetWorkersAsync());

        Assert.Equal((WorkerState.Idle, null, null, Handle7), (w1.State, w1.CurrentTaskId, w1.CurrentOperation, w1.LastTaskId));
    }

    [StorageFact]
    public async Task MarkDeadWorkers_StaleHeartbeat_MarksDeadAndReleasesItsTasks()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask());
        await Storage.Tasks.EnqueueAsync(NewTask(queue: "other"));
        await Storage.Workers.HeartbeatWorkerAsync(Worker(W1, WorkerState.Processing, (await GetAsync(id)).Id));
        var dead = await FetchOneAsync(W1);
        Time.Advance(TimeSpan.FromMinutes(2));
        await Storage.Workers.HeartbeatWorkerAsync(Worker(W2));

        Assert.Equal(1, await Storage.Workers.MarkDeadWorkersAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(0, await Storage.Workers.MarkDeadWorkersAsync(TimeSpan.FromMinutes(1)));

        var workers = await Storage.Monitoring.GetWorkersAsync();
        Assert.Equal((WorkerState.Dead, WorkerState.Idle), (workers[0].State, workers[1].State));
        Assert.Contains("worker-1 is dead", (await LastHistoryAsync(id)).Reason);
        var again = await FetchOneAsync(W2);
        Assert.Equal((id, 2), (again.Id, again.Attempt));
        Assert.False(await dead.RenewLeaseAsync(Lease));
    }

    [StorageFact]
    public async Task SubscriptionCursor_IsZeroAtFirst_PerSubscriber_AndNeverMovesBack()
    {
        Assert.Equal(0, await Storage.Subscriptions.GetSubscriptionCursorAsync("audit", "default"));

        await Storage.Subscriptions.AdvanceSubscriptionCursorAsync("audit", "default", 5);
        await Storage.Subscriptions.AdvanceSubscriptionCursorAsync("audit", "default", 3);
        await Storage.Subscriptions.AdvanceSubscriptionCursorAsync("mail", "default", 2);
        await Storage.Subscriptions.AdvanceSubscriptionCursorAsync("audit", "other", 9);

        Assert.Equal(5, await Storage.Subscriptions.GetSubscriptionCursorAsync("audit", "default"));
        Assert.Equal(2, await Storage.Subscriptions.GetSubscriptionCursorAsync("mail", "default"));
        Assert.Equal(9, await Storage.Subscriptions.GetSubscriptionCursorAsync("audit", "other"));
    }

    [StorageFact]
    public async Task FetchForSubscriber_EveryTaskInIdOrder_ExceptDeleted_WithoutConsuming()
    {
        var ids = await Storage.Tasks.EnqueueBatchAsync([NewTask("1"), NewTask("2", queue: "other"), NewTask("3"), NewTask("4"), NewTask("5")]);
        await Storage.Tasks.DeleteAsync(ids[3]);
        var worked = await FetchOneAsync(W1);
        await Storage.Queue.CompleteAsync([new TaskCompletion(worked.Id, W1, null, null)]);

        var audit = await Storage.Subscriptions.FetchForSubscriberAsync("audit", "default", 0, 10);
        var page = await Storage.Subscriptions.FetchForSubscriberAsync("mail", "default", ids[0], 1);

        Assert.Equal([ids[0], ids[2], ids[4]], audit.Select(t => t.Id));
        Assert.All(audit, t => Assert.Null(t.LeaseUntil));
        Assert.Equal([ids[2]], page.Select(t => t.Id));
        Assert.Equal(QueuedTaskState.Enqueued, (await GetAsync(ids[2])).State);
        Assert.Equal("3"u8.ToArray(), audit[1].Call.Payload);
    }
}
