using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Storage;

public abstract partial class QueueStorageContractTests
{
    [StorageFact]
    public async Task Complete_ByOwner_StoresResultAndHistory()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask());
        await FetchOneAsync(W1);
        Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(1, await Storage.Queue.CompleteAsync([new TaskCompletion(id, W1, "<ok/>"u8.ToArray(), "text/xml")]));

        var info = await GetAsync(id);
        Assert.Equal((QueuedTaskState.Succeeded, TaskOutcome.Succeeded), (info.State, info.Outcome));
        Assert.Equal("<ok/>"u8.ToArray(), info.Result);
        Assert.Equal("text/xml", info.ResultContentType);
        Assert.Equal(Time.GetUtcNow(), info.FinishedAt);
        Assert.Null(info.LeaseUntil);
        var history = await LastHistoryAsync(id);
        Assert.Equal((QueuedTaskState.Succeeded, W1), (history.State, history.WorkerId));
    }

    [StorageFact]
    public async Task Complete_Batch_AppliesOnlyTasksStillHeldByTheirWorkers()
    {
        var ids = await Storage.Tasks.EnqueueBatchAsync([NewTask(), NewTask(), NewTask()]);
        await Storage.Queue.FetchAsync(Default, W1, 2, Lease);
        await FetchOneAsync(W2);

        var applied = await Storage.Queue.CompleteAsync(
        [
            new TaskCompletion(ids[0], W1, [1], "a"),
            new TaskCompletion(ids[1], W1, null, null),
            new TaskCompletion(ids[2], W1, [3], "c"),
        ]);

        Assert.Equal(2, applied);
        Assert.Equal(QueuedTaskState.Succeeded, (await GetAsync(ids[1])).State);
        Assert.Null((await GetAsync(ids[1])).Result);
        Assert.Equal((QueuedTaskState.Processing, W2), ((await GetAsync(ids[2])).State, (await GetAsync(ids[2])).WorkerId));
        Assert.Equal(0, await Storage.Queue.CompleteAsync([]));
    }

    [StorageFact]
    public async Task Fail_WithRetryAt_SchedulesTheTaskAgainUntilThen()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask(maxAttempts: 3));
        var task = await FetchOneAsync(W1);
        var retryAt = Time.GetUtcNow().AddSeconds(10);

        Assert.True(await task.FailAsync(TaskOutcome.WillRetry, "<fault/>"u8.ToArray(), "timeout", retryAt));

        var info = await GetAsync(id);
        Assert.Equal((QueuedTaskState.Scheduled, retryAt, 1), (info.State, info.NotBefore, info.Attempt));
        Assert.Equal(TaskOutcome.WillRetry, info.Outcome);
        Assert.Equal("<fault/>"u8.ToArray(), info.Fault);
        var history = await LastHistoryAsync(id);
        Assert.Equal(QueuedTaskState.Scheduled, history.State);
        Assert.StartsWith("Retry 1 of 2 at ", history.Reason);
        Assert.EndsWith(": timeout", history.Reason);
        Assert.Empty(await Storage.Queue.FetchAsync(Default, W1, 10, Lease));

        Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, (await FetchOneAsync(W2)).Attempt);
    }

    [StorageFact]
    public async Task Fail_WithoutRetry_IsFailedWithFault()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask());
        var task = await FetchOneAsync(W1);

        Assert.True(await task.FailAsync(TaskOutcome.Rejected, "<fault/>"u8.ToArray(), "bad payload", null));

        var info = await GetAsync(id);
        Assert.Equal((QueuedTaskState.Failed, "bad payload", TaskOutcome.Rejected), (info.State, info.Reason, info.Outcome));
        Assert.Equal("<fault/>"u8.ToArray(), info.Fault);
        Assert.Equal(Time.GetUtcNow(), info.FinishedAt);
        var history = await LastHistoryAsync(id);
        Assert.Equal((QueuedTaskState.Failed, W1, "bad payload"), (history.State, history.WorkerId, history.Reason));
    }

    [StorageFact]
    public async Task Fail_ByAnotherWorker_ReturnsFalseAndChangesNothing()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask());
        var task = await FetchOneAsync(W1);

        Assert.False(await AsWorker(task, W2).FailAsync(TaskOutcome.Failed, null, "not mine", null));
        Assert.Equal(0, await Storage.Queue.CompleteAsync([new TaskCompletion(id, W2, null, null)]));

        Assert.Equal(QueuedTaskState.Processing, (await GetAsync(id)).State);
    }

    [StorageFact]
    public async Task FailedTask_DoesNotBlockLaterTasks()
    {
        var first = await Storage.Tasks.EnqueueAsync(NewTask());
        var second = await Storage.Tasks.EnqueueAsync(NewTask());
        var task = await FetchOneAsync(W1);
        await task.FailAsync(TaskOutcome.Failed, null, "boom", null);

        Assert.Equal(second, (await FetchOneAsync(W1)).Id);
    }

    [StorageFact]
    public async Task Retry_FailedTask_IsEnqueuedWithAttemptsReset()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask());
        var task = await FetchOneAsync(W1);
        await task.FailAsync(TaskOutcome.Failed, [9], "boom", null);

        Assert.True(await Storage.Tasks.RetryAsync(id));
        Assert.False(await Storage.Tasks.RetryAsync(id));

        var info = await GetAsync(id);
        Assert.Equal((QueuedTaskState.Enqueued, 0), (info.State, info.Attempt));
        Assert.Null(info.Fault);
        Assert.Null(info.Outcome);
        Assert.Equal((QueuedTaskState.Enqueued, "Retried by user"), ((await LastHistoryAsync(id)).State, (await LastHistoryAsync(id)).Reason));
        Assert.Equal(1, (await FetchOneAsync(W2)).Attempt);
    }

    [StorageFact]
    public async Task Delete_TaskIsKeptButNeverFetched()
    {
        var id = await Storage.Tasks.EnqueueAsync(NewTask());

        Assert.True(await Storage.Tasks.DeleteAsync(id));
        Assert.False(await Storage.Tasks.DeleteAsync(id));
        Assert.False(await Storage.Tasks.DeleteAsync(id + 1000));

        Assert.Empty(await Storage.Queue.FetchAsync(Default, W1, 10, Lease));
        Assert.Equal((QueuedTaskState.Deleted, "Deleted by user"), ((await LastHistoryAsync(id)).State, (await LastHistoryAsync(id)).Reason));
        Assert.Equal(TaskOutcome.Deleted, (await GetAsync(id)).Outcome);
        Assert.True(await Storage.Tasks.RetryAsync(id));
        Assert.Equal(id, (await FetchOneAsync()).Id);
    }

    [StorageFact]
    public async Task Get_UnknownId_ReturnsNull()
    {
        Assert.Null(await Storage.Tasks.GetAsync(12345));
        Assert.Empty(await Storage.Tasks.GetHistoryAsync(12345));
    }
}
