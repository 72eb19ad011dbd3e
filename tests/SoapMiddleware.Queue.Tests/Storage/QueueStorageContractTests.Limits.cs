using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>Concurrency limits per operation: the fetch skips an operation at its limit, counted in every process.</summary>
public abstract partial class QueueStorageContractTests
{
    private static readonly Dictionary<string, int> SlowAtMostTwo = new() { ["Slow"] = 2 };

    [StorageFact]
    public async Task Fetch_OperationAtItsLimit_SkipsItsTasks_FetchesOthersPastThem()
    {
        var slow1 = await Storage.Tasks.EnqueueAsync(NewTask(operation: "Slow"));
        var slow2 = await Storage.Tasks.EnqueueAsync(NewTask(operation: "Slow"));
        var slow3 = await Storage.Tasks.EnqueueAsync(NewTask(operation: "Slow"));
        var add = await Storage.Tasks.EnqueueAsync(NewTask());

        var first = await Storage.Queue.FetchAsync(Default, W1, 10, Lease, SlowAtMostTwo, default);
        var meanwhile = await Storage.Queue.FetchAsync(Default, W2, 10, Lease, SlowAtMostTwo, default);
        Assert.True(await first[0].CompleteAsync(null, null));
        var after = await Storage.Queue.FetchAsync(Default, W2, 10, Lease, SlowAtMostTwo, default);

        Assert.Equal([slow1, slow2, add], first.Select(t => t.Id));
        Assert.Empty(meanwhile);
        Assert.Equal([slow3], after.Select(t => t.Id));
    }

    [StorageFact]
    public async Task Fetch_LimitedTaskWhoseLeaseExpired_NoLongerCounts()
    {
        await Storage.Tasks.EnqueueAsync(NewTask(operation: "Slow"));
        await Storage.Tasks.EnqueueAsync(NewTask(operation: "Slow"));
        var limit = new Dictionary<string, int> { ["Slow"] = 1 };
        Assert.Single(await Storage.Queue.FetchAsync(Default, W1, 10, Lease, limit, default));
        Assert.Empty(await Storage.Queue.FetchAsync(Default, W2, 10, Lease, limit, default));

        Time.Advance(Lease);

        Assert.Single(await Storage.Queue.FetchAsync(Default, W2, 10, Lease, limit, default));
    }

    [StorageFact]
    public async Task Fetch_LimitCountsEveryQueue_AndOtherOperationsAreUnlimited()
    {
        await Storage.Tasks.EnqueueAsync(NewTask(operation: "Slow", queue: "other"));
        await Storage.Tasks.EnqueueAsync(NewTask(operation: "Slow"));
        await Storage.Tasks.EnqueueAsync(NewTask());
        await Storage.Tasks.EnqueueAsync(NewTask());
        var limit = new Dictionary<string, int> { ["Slow"] = 1 };
        Assert.Single(await Storage.Queue.FetchAsync(["other"], W1, 10, Lease, limit, default));

        var fetched = await Storage.Queue.FetchAsync(Default, W2, 10, Lease, limit, default);

        Assert.Equal(["Add", "Add"], fetched.Select(t => t.Call.Operation));
    }

    [StorageFact]
    public async Task Fetch_ManyProcessesAtOnce_NeverExceedTheLimitTogether()
    {
        for (var i = 0; i < 20; i++)
        {
            await Storage.Tasks.EnqueueAsync(NewTask(operation: "Slow", queue: i % 2 == 0 ? "a" : "b"));
        }

        // Each storage instance has its own connections, as another process would; half of them take queue a, half b,
        // so no two see the same first tasks: only the count of running tasks keeps them under the limit.
        var processes = new List<IQueueStorage> { Storage };
        for (var i = 0; i < 7; i++)
        {
            var other = CreateStorage(Time);
            await other.InitializeAsync();
            processes.Add(other);
        }

        var batches = await Task.WhenAll(processes.Select((p, i) => Task.Run(() => p.Queue.FetchAsync([i % 2 == 0 ? "a" : "b"], "process-" + i, 5, Lease, SlowAtMostTwo, default))));

        Assert.Equal(2, batches.Sum(b => b.Count));
    }
}
