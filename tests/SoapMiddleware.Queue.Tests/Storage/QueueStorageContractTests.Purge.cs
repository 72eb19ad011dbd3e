using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Storage;

public abstract partial class QueueStorageContractTests
{
    [StorageFact]
    public async Task Purge_OldSucceededAndDeleted_GoneWithHistory_FailedAndRecentKept()
    {
        var ids = await Storage.EnqueueBatchAsync([NewTask(), NewTask(), NewTask(), NewTask(), NewTask()]);
        var fetched = await Storage.FetchAsync(Default, W1, 5, Lease);
        Assert.Equal(5, fetched.Count);
        await Storage.CompleteAsync([new TaskCompletion(ids[0], W1, "<ok/>"u8.ToArray(), "text/xml"), new TaskCompletion(ids[1], W1, "<ok/>"u8.ToArray(), "text/xml")]);
        await Storage.FailAsync(ids[2], W1, "<fault/>"u8.ToArray(), "broken", null);
        await Storage.DeleteAsync(ids[3]);
        await Storage.HeartbeatWorkerAsync(new WorkerStatus { WorkerId = "gone", State = WorkerState.Stopped });
        Time.Advance(TimeSpan.FromDays(2));
        await Storage.CompleteAsync([new TaskCompletion(ids[4], W1, "<ok/>"u8.ToArray(), "text/xml")]);
        await Storage.HeartbeatWorkerAsync(new WorkerStatus { WorkerId = "alive", State = WorkerState.Idle });

        var purged = await Storage.PurgeAsync(Time.GetUtcNow() - TimeSpan.FromDays(1), 100);

        Assert.Equal(3, purged);
        Assert.Null(await Storage.GetAsync(ids[0]));
        Assert.Null(await Storage.GetAsync(ids[1]));
        Assert.Null(await Storage.GetAsync(ids[3]));
        Assert.Empty(await Storage.GetHistoryAsync(ids[0]));
        Assert.Equal(QueuedTaskState.Failed, (await Storage.GetAsync(ids[2]))!.State);
        Assert.Equal(QueuedTaskState.Succeeded, (await Storage.GetAsync(ids[4]))!.State);
        Assert.Equal(["alive"], (await Storage.GetWorkersAsync()).Select(w => w.WorkerId));
    }

    [StorageFact]
    public async Task Purge_MaxCount_DeletesInBatches()
    {
        var ids = await Storage.EnqueueBatchAsync(Enumerable.Range(0, 5).Select(_ => NewTask()).ToList());
        await Storage.FetchAsync(Default, W1, 5, Lease);
        await Storage.CompleteAsync(ids.Select(id => new TaskCompletion(id, W1, null, null)).ToList());
        Time.Advance(TimeSpan.FromDays(2));
        var cutoff = Time.GetUtcNow() - TimeSpan.FromDays(1);

        Assert.Equal(2, await Storage.PurgeAsync(cutoff, 2));
        Assert.Equal(2, await Storage.PurgeAsync(cutoff, 2));
        Assert.Equal(1, await Storage.PurgeAsync(cutoff, 2));
        Assert.Equal(0, await Storage.PurgeAsync(cutoff, 2));
    }
}
