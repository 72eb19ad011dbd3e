using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Storage;

public abstract partial class QueueStorageContractTests
{
    [StorageFact]
    public async Task Fetch_EnqueuedTask_LeasesItToTheWorkerWithHistory()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask("<x/>"));

        var task = await FetchOneAsync();

        Assert.Equal((id, 1, 3), (task.Id, task.Attempt, task.Call.MaxAttempts));
        Assert.Equal(Time.GetUtcNow() + Lease, task.Delivery.LeaseUntil);
        Assert.Equal("<x/>"u8.ToArray(), task.Call.Payload);
        Assert.Equal(("Calculator", "Add", "urn:add"), (task.Call.Service, task.Call.Operation, task.Call.Action));
        var info = await GetAsync(id);
        Assert.Equal((QueuedTaskState.Processing, W1), (info.State, info.WorkerId));
        Assert.Equal(Time.GetUtcNow(), info.StartedAt);
        var history = await LastHistoryAsync(id);
        Assert.Equal((QueuedTaskState.Processing, W1, "Fetched, attempt 1"), (history.State, history.WorkerId, history.Reason));
    }

    [StorageFact]
    public async Task Fetch_SeveralQueues_ReturnsUpToMaxCountInIdOrderOfTheAskedQueuesOnly()
    {
        var a1 = await Storage.Tasks.EnqueueAsync(NewTask(queue: "a"));
        await Storage.Tasks.EnqueueAsync(NewTask(queue: "other"));
        var b1 = await Storage.Tasks.EnqueueAsync(NewTask(queue: "b"));
        var a2 = await Storage.Tasks.EnqueueAsync(NewTask(queue: "a"));
        var b2 = await Storage.Tasks.EnqueueAsync(NewTask(queue: "b"));

        var first = await Storage.Queue.FetchAsync(["a", "b"], W1, 3, Lease);
        var second = await Storage.Queue.FetchAsync(["a", "b"], W1, 3, Lease);

        Assert.Equal([a1, b1, a2], first.Select(t => t.Id));
        Assert.Equal([b2], second.Select(t => t.Id));
        Assert.Empty(await Storage.Queue.FetchAsync(["a", "b"], W1, 3, Lease));
    }

    [StorageFact]
    public async Task Fetch_LeaseNotExpired_DoesNotRedeliver()
    {
        await Storage.Tasks.EnqueueAsync(NewTask());
        await FetchOneAsync(W1);

        Time.Advance(Lease - TimeSpan.FromSeconds(1));

        Assert.Empty(await Storage.Queue.FetchAsync(Default, W2, 10, Lease));
    }

    [StorageFact]
    public async Task Fetch_LeaseExpired_RedeliversToAnotherWorkerWithAttemptIncremented()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask());
        await FetchOneAsync(W1);

        Time.Advance(Lease);
        var again = await FetchOneAsync(W2);

        Assert.Equal((id, 2), (again.Id, again.Attempt));
        Assert.Equal(W2, (await GetAsync(id)).WorkerId);
        var history = await LastHistoryAsync(id);
        Assert.Equal((QueuedTaskState.Processing, W2), (history.State, history.WorkerId));
        Assert.Contains("worker-1 expired", history.Reason);
    }

    [StorageFact]
    public async Task RenewLease_ByOwner_ExtendsTheLease()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask());
        var task = await FetchOneAsync(W1);
        Time.Advance(TimeSpan.FromSeconds(20));

        Assert.True(await task.RenewLeaseAsync(Lease));
        Time.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(Time.GetUtcNow() + TimeSpan.FromSeconds(10), (await GetAsync(id)).LeaseUntil);
        Assert.Empty(await Storage.Queue.FetchAsync(Default, W2, 10, Lease));
    }

    [StorageFact]
    public async Task RenewLease_AfterTakeover_ReturnsFalse()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask());
        var first = await FetchOneAsync(W1);
        Time.Advance(Lease);
        var second = await FetchOneAsync(W2);

        Assert.False(await first.RenewLeaseAsync(Lease));
        Assert.True(await second.RenewLeaseAsync(Lease));
    }

    [StorageFact]
    public async Task RenewLease_AfterDelete_ReturnsFalseAndCompleteIsIgnored()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask());
        var task = await FetchOneAsync(W1);

        Assert.True(await Storage.Tasks.DeleteAsync(id));

        Assert.False(await task.RenewLeaseAsync(Lease));
        Assert.Equal(0, await Storage.Queue.CompleteAsync([new TaskCompletion(id, W1, [1], "text/xml")]));
        Assert.Equal(QueuedTaskState.Deleted, (await GetAsync(id)).State);
    }

    [StorageFact]
    public async Task Release_PutsTheTaskBackWithoutCountingTheAttempt()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask());
        var task = await FetchOneAsync(W1);

        Assert.True(await task.ReleaseAsync("shutdown"));
        Assert.False(await task.ReleaseAsync("shutdown"));

        var info = await GetAsync(id);
        Assert.Equal((QueuedTaskState.Enqueued, 0, TaskOutcome.Cancelled), (info.State, info.Attempt, info.Outcome));
        Assert.Equal((QueuedTaskState.Enqueued, "Released: shutdown"), ((await LastHistoryAsync(id)).State, (await LastHistoryAsync(id)).Reason));
        Assert.Equal(1, (await FetchOneAsync(W2)).Attempt);
    }

    [StorageFact]
    public async Task ReportProgress_ByOwnerOnly_IsStored()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask());
        var task = await FetchOneAsync(W1);

        Assert.True(await task.ReportProgressAsync(40, "page 2 of 5"));
        Assert.False(await AsWorker(task, W2).ReportProgressAsync(90, "not mine"));

        var info = await GetAsync(id);
        Assert.Equal((40, "page 2 of 5"), (info.ProgressPercent, info.ProgressMessage));
    }
}
