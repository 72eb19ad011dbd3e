using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Storage;

public abstract partial class QueueStorageContractTests
{
    [StorageFact]
    public async Task Purge_OldSucceededAndDeleted_GoneWithHistory_FailedAndRecentKept()
    {
        var ids = await Storage.Tasks.EnqueueBatchAsync([NewTask(), NewTask(), NewTask(), NewTask(), NewTask()]);
        var fetched = await Storage.Queue.FetchAsync(Default, W1, 5, Lease);
        Assert.Equal(5, fetched.Count);
        await Storage.Queue.CompleteAsync([new TaskCompletion(ids[0], W1, "<ok/>"u8.ToArray(), "text/xml"), new TaskCompletion(ids[1], W1, "<ok/>"u8.ToArray(), "text/xml")]);
        await fetched.Single(t => t.Id == ids[2]).FailAsync(TaskOutcome.Failed, "<fault/>"u8.ToArray(), "broken", null);
        await Storage.Tasks.DeleteAsync(ids[3]);
        await Storage.Workers.HeartbeatWorkerAsync(new WorkerStatus { WorkerId = "gone", State = WorkerState.Stopped });
        Time.Advance(TimeSpan.FromDays(2));
        await Storage.Queue.CompleteAsync([new TaskCompletion(ids[4], W1, "<ok/>"u8.ToArray(), "text/xml")]);
        await Storage.Workers.HeartbeatWorkerAsync(new WorkerStatus { WorkerId = "alive", State = WorkerState.Idle });

        var purged = await Storage.Tasks.PurgeAsync(Time.GetUtcNow() - TimeSpan.FromDays(1), 100);

        Assert.Equal(3, purged);
        Assert.Null(await Storage.Tasks.GetAsync(ids[0]));
        Assert.Null(await Storage.Tasks.GetAsync(ids[1]));
        Assert.Null(await Storage.Tasks.GetAsync(ids[3]));
        Assert.Empty(await Storage.Tasks.GetHistoryAsync(ids[0]));
        Assert.Equal(QueuedTaskState.Failed, (await Storage.Tasks.GetAsync(ids[2]))!.State);
        Assert.Equal(QueuedTaskState.Succeeded, (await Storage.Tasks.GetAsync(ids[4]))!.State);
        Assert.Equal(["alive"], (await Storage.Monitoring.GetWorkersAsync()).Select(w => w.WorkerId));
    }

    [StorageFact]
    public async Task Purge_MaxCount_DeletesInBatches()
    {
        var ids = await Storage.Tasks.EnqueueBatchAsync(Enumerable.Range(0, 5).Select(_ => NewTask()).ToList());
        await Storage.Queue.FetchAsync(Default, W1, 5, Lease);
        await Storage.Queue.CompleteAsync(ids.Select(id => new TaskCompletion(id, W1, null, null)).ToList());
        Time.Advance(TimeSpan.FromDays(2));
        var cutoff = Time.GetUtcNow() - TimeSpan.FromDays(1);

        Assert.Equal(2, await Storage.Tasks.PurgeAsync(cutoff, 2));
        Assert.Equal(2, await Storage.Tasks.PurgeAsync(cutoff, 2));
        Assert.Equal(1, await Storage.Tasks.PurgeAsync(cutoff, 2));
        Assert.Equal(0, await Storage.Tasks.PurgeAsync(cutoff, 2));
    }
}
