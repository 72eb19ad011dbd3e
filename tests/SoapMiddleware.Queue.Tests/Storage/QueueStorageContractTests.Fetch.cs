using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Storage;

public abstract partial class QueueStorageContractTests
{
    [StorageFact]
    public async Task Fetch_EnqueuedTask_LeasesItToTheWorkerWithHistory()
    {
        var id = await Storage.EnqueueAsync(NewTask("<x/>"));

        var task = await FetchOneAsync();

        Assert.Equal((id, 1, 3), (task.Id, task.Attempt, task.MaxAttempts));
        Assert.Equal(Time.GetUtcNow() + Lease, task.LeaseUntil);
        Assert.Equal("<x/>"u8.ToArray(), task.Payload);
        Assert.Equal(("Calculator", "Add", "urn:add"), (task.Service, task.Operation, task.Action));
        var info = await GetAsync(id);
        Assert.Equal((QueuedTaskState.Processing, W1), (info.State, info.WorkerId));
        Assert.Equal(Time.GetUtcNow(), info.StartedAt);
        var history = await LastHistoryAsync(id);
        Assert.Equal((QueuedTaskState.Processing, W1, "Fetched, attempt 1"), (history.State, history.WorkerId, history.Reason));
    }

    [StorageFact]
    public async Task Fetch_SeveralQueues_ReturnsUpToMaxCountInIdOrderOfTheAskedQueuesOnly()
    {
        var a1 = await Storage.EnqueueAsync(NewTask(queue: "a"));
        await Storage.EnqueueAsync(NewTask(queue: "other"));
        var b1 = await Storage.EnqueueAsync(NewTask(queue: "b"));
        var a2 = await Storage.EnqueueAsync(NewTask(queue: "a"));
        var b2 = await Storage.EnqueueAsync(NewTask(queue: "b"));

        var first = await Storage.FetchAsync(["a", "b"], W1, 3, Lease);
        var second = await Storage.FetchAsync(["a", "b"], W1, 3, Lease);

        Assert.Equal([a1, b1, a2], first.Select(t => t.Id));
        Assert.Equal([b2], second.Select(t => t.Id));
        Assert.Empty(await Storage.FetchAsync(["a", "b"], W1, 3, Lease));
    }

    [StorageFact]
    public async Task Fetch_LeaseNotExpired_DoesNotRedeliver()
    {
        await Storage.EnqueueAsync(NewTask());
        await FetchOneAsync(W1);

        Time.Advance(Lease - TimeSpan.FromSeconds(1));

        Assert.Empty(await Storage.FetchAsync(Default, W2, 10, Lease));
    }

    [StorageFact]
    public async Task Fetch_LeaseExpired_RedeliversToAnotherWorkerWithAttemptIncremented()
    {
        var id = await Storage.EnqueueAsync(NewTask());
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
        var id = await Storage.EnqueueAsync(NewTask());
        await FetchOneAsync(W1);
        Time.Advance(TimeSpan.FromSeconds(20));

        Assert.True(await Storage.RenewLeaseAsync(id, W1, Lease));
        Time.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(Time.GetUtcNow() + TimeSpan.FromSeconds(10), (await GetAsync(id)).LeaseUntil);
        Assert.Empty(await Storage.FetchAsync(Default, W2, 10, Lease));
    }

    [StorageFact]
    public async Task RenewLease_AfterTakeover_ReturnsFalse()
    {
        var id = await Storage.EnqueueAsync(NewTask());
        await FetchOneAsync(W1);
        Time.Advance(Lease);
        await FetchOneAsync(W2);

        Assert.False(await Storage.RenewLeaseAsync(id, W1, Lease));
        Assert.True(await Storage.RenewLeaseAsync(id, W2, Lease));
    }

    [StorageFact]
    public async Task RenewLease_AfterDelete_ReturnsFalseAndCompleteIsIgnored()
    {
        var id = await Storage.EnqueueAsync(NewTask());
        await FetchOneAsync(W1);

        Assert.True(await Storage.DeleteAsync(id));

        Assert.False(await Storage.RenewLeaseAsync(id, W1, Lease));
        Assert.Equal(0, await Storage.CompleteAsync([new TaskCompletion(id, W1, [1], "text/xml")]));
        Assert.Equal(QueuedTaskState.Deleted, (await GetAsync(id)).State);
    }

    [StorageFact]
    public async Task Release_PutsTheTaskBackWithoutCountingTheAttempt()
    {
        var id = await Storage.EnqueueAsync(NewTask());
        await FetchOneAsync(W1);

        Assert.True(await Storage.ReleaseAsync(id, W1, "shutdown"));
        Assert.False(await Storage.ReleaseAsync(id, W1, "shutdown"));

        var info = await GetAsync(id);
        Assert.Equal((QueuedTaskState.Enqueued, 0), (info.State, info.Attempt));
        Assert.Equal((QueuedTaskState.Enqueued, "Released: shutdown"), ((await LastHistoryAsync(id)).State, (await LastHistoryAsync(id)).Reason));
        Assert.Equal(1, (await FetchOneAsync(W2)).Attempt);
    }

    [StorageFact]
    public async Task ReportProgress_ByOwnerOnly_IsStored()
    {
        var id = await Storage.EnqueueAsync(NewTask());
        await FetchOneAsync(W1);

        Assert.True(await Storage.ReportProgressAsync(id, W1, 40, "page 2 of 5"));
        Assert.False(await Storage.ReportProgressAsync(id, W2, 90, "not mine"));

        var info = await GetAsync(id);
        Assert.Equal((40, "page 2 of 5"), (info.ProgressPercent, info.ProgressMessage));
    }
}
