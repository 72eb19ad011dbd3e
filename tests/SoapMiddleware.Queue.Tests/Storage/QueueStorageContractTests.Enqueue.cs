using System.Text;

namespace SoapMiddleware.Queue.Tests.Storage;

public abstract partial class QueueStorageContractTests
{
    [StorageFact]
    public async Task Enqueue_WithoutNotBefore_IsEnqueuedWithAllFieldsAndHistory()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask("<add a='1'/>"));

        var info = await GetAsync(id);
        Assert.Equal(QueuedTaskState.Enqueued, info.State);
        Assert.Equal(("default", "Calculator", "Add", "urn:add"), (info.Queue, info.Service, info.Operation, info.Action));
        Assert.Equal("text/xml; charset=utf-8", info.ContentType);
        Assert.Equal("<add a='1'/>", Encoding.UTF8.GetString(info.Payload!));
        Assert.Equal((0, 3), (info.Attempt, info.MaxAttempts));
        Assert.Equal(Time.GetUtcNow(), info.CreatedAt);
        Assert.Null(info.StartedAt);
        var history = Assert.Single(await Storage.Tasks.GetHistoryAsync(id));
        Assert.Equal((QueuedTaskState.Enqueued, "Enqueued"), (history.State, history.Reason));
        Assert.Equal(Time.GetUtcNow(), history.At);
    }

    [StorageFact]
    public async Task Enqueue_FutureNotBefore_IsScheduledUntilDue()
    {
        var due = Time.GetUtcNow().AddMinutes(5);
        var id = await Storage.Tasks.EnqueueAsync(NewTask(notBefore: due));

        Assert.Equal(QueuedTaskState.Scheduled, (await GetAsync(id)).State);
        Assert.Equal(due, (await GetAsync(id)).NotBefore);
        Assert.Empty(await Storage.Queue.FetchAsync(Default, W1, 10, Lease));

        Time.Advance(TimeSpan.FromMinutes(5));
        var fetched = await FetchOneAsync();

        Assert.Equal(id, fetched.Id);
        Assert.StartsWith("Scheduled for ", (await Storage.Tasks.GetHistoryAsync(id))[0].Reason);
    }

    [StorageFact]
    public async Task Enqueue_PastNotBefore_IsEnqueued()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask(notBefore: Time.GetUtcNow().AddMinutes(-1)));

        Assert.Equal(QueuedTaskState.Enqueued, (await GetAsync(id)).State);
    }

    [StorageFact]
    public async Task Enqueue_SameIdempotencyKey_ReturnsFirstIdAndInsertsNothing()
    {
        var first = await Storage.Tasks.EnqueueAsync(NewTask("one", key: "order-42"));
        var second = await Storage.Tasks.EnqueueAsync(NewTask("two", key: "order-42"));
        var other = await Storage.Tasks.EnqueueAsync(NewTask("three", key: "order-43"));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal(2, (await Storage.Monitoring.GetStatsAsync()).Count(QueuedTaskState.Enqueued));
        Assert.Equal("one", Encoding.UTF8.GetString((await GetAsync(first)).Payload!));
    }

    [StorageFact]
    public async Task EnqueueBatch_ReturnsIdsInInputOrder_CollapsingKnownAndRepeatedKeys()
    {
        var existing = await Storage.Tasks.EnqueueAsync(NewTask("old", key: "k1"));

        var ids = await Storage.Tasks.EnqueueBatchAsync(
        [
            NewTask("a"), NewTask("b", key: "k1"), NewTask("c", key: "k2"), NewTask("d"), NewTask("e", key: "k2"),
            NewTask("f", notBefore: Time.GetUtcNow().AddHours(1)),
        ]);

        Assert.Equal(6, ids.Count);
        Assert.Equal(existing, ids[1]);
        Assert.Equal(ids[2], ids[4]);
        Assert.True(ids[0] > existing && ids[2] > ids[0] && ids[3] > ids[2] && ids[5] > ids[3]);
        Assert.Equal("d", Encoding.UTF8.GetString((await GetAsync(ids[3])).Payload!));
        Assert.Equal(QueuedTaskState.Scheduled, (await GetAsync(ids[5])).State);
        var stats = await Storage.Monitoring.GetStatsAsync();
        Assert.Equal((4, 1), (stats.Count(QueuedTaskState.Enqueued), stats.Count(QueuedTaskState.Scheduled)));
    }

    [StorageFact]
    public async Task EnqueueBatch_Empty_ReturnsEmpty()
    {
        Assert.Empty(await Storage.Tasks.EnqueueBatchAsync([]));
    }

    [StorageFact]
    public async Task Initialize_Twice_IsIdempotent()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask());

        await Storage.InitializeAsync();
        await CreateStorage(Time).InitializeAsync();

        Assert.NotNull(await Storage.Tasks.GetAsync(id));
    }

    [StorageFact]
    public async Task Initialize_TwoInstancesConcurrentlyOnAFreshStore_BothSucceed()
    {
        var a = CreateStorage(Time, "fresh");
        var b = CreateStorage(Time, "fresh");

        await Task.WhenAll(a.InitializeAsync(), b.InitializeAsync());
        var id = await a.Tasks.EnqueueAsync(NewTask());

        Assert.Equal(QueuedTaskState.Enqueued, (await b.Tasks.GetAsync(id))!.State);
    }
}
