using System.Collections.Concurrent;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Storage;

public abstract partial class QueueStorageContractTests
{
    [StorageFact]
    public async Task List_FiltersByStateAndQueue_NewestFirst_Paged()
    {
        var ids = await Storage.Tasks.EnqueueBatchAsync([NewTask(queue: "a"), NewTask(queue: "b"), NewTask(queue: "a"), NewTask(queue: "a")]);
        await FetchOneAsync(W1, "a");

        var all = await Storage.Monitoring.ListAsync(null, null, 0, 10);
        var page = await Storage.Monitoring.ListAsync(null, "a", 1, 1);
        var enqueuedA = await Storage.Monitoring.ListAsync(QueuedTaskState.Enqueued, "a", 0, 10);

        Assert.Equal(ids.Reverse(), all.Select(t => RowIdOf(t)));
        Assert.Null(all[0].Payload);
        Assert.Equal([ids[2]], page.Select(t => RowIdOf(t)));
        Assert.Equal([ids[3], ids[2]], enqueuedA.Select(t => RowIdOf(t)));
    }

    [StorageFact]
    public async Task Stats_CountsPerStateAndPerQueue()
    {
        await Storage.Tasks.EnqueueBatchAsync([NewTask(queue: "a"), NewTask(queue: "a"), NewTask(queue: "b"), NewTask(queue: "b", notBefore: Time.GetUtcNow().AddDays(1))]);
        var task = await FetchOneAsync(W1, "a");
        await Storage.Queue.CompleteAsync([new TaskCompletion(task.Id, W1, null, null)]);

        var stats = await Storage.Monitoring.GetStatsAsync();

        Assert.Equal((2, 1, 1), (stats.Count(QueuedTaskState.Enqueued), stats.Count(QueuedTaskState.Succeeded), stats.Count(QueuedTaskState.Scheduled)));
        Assert.Equal(0, stats.Count(QueuedTaskState.Failed));
        Assert.Equal(1, stats.ByQueue["a"][QueuedTaskState.Succeeded]);
        Assert.Equal(1, stats.ByQueue["b"][QueuedTaskState.Scheduled]);
    }

    [StorageFact]
    public async Task Fetch_ParallelFetchers_DeliverEveryTaskExactlyOnce()
    {
        const int total = 500;
        for (var i = 0; i < total; i += 100)
        {
            await Storage.Tasks.EnqueueBatchAsync(Enumerable.Range(i, 100).Select(n => NewTask($"<n>{n}</n>")).ToList());
        }

        var seen = new ConcurrentBag<long>();
        var fetchers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            while (true)
            {
                var batch = await Storage.Queue.FetchAsync(Default, $"w{w}", 7, TimeSpan.FromHours(1));
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var t in batch)
                {
                    seen.Add(t.Id);
                }

                await Storage.Queue.CompleteAsync(batch.Select(t => new TaskCompletion(t.Id, $"w{w}", null, null)).ToList());
            }
        }));
        await Task.WhenAll(fetchers);

        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
        Assert.Equal(total, (await Storage.Monitoring.GetStatsAsync()).Count(QueuedTaskState.Succeeded));
    }

    [StorageFact]
    public async Task WaitForWork_EnqueueInThisProcess_WakesTheWaiter()
    {
        var waiting = Storage.Queue.WaitForWorkAsync(Default, TimeSpan.FromSeconds(30));
        await Task.Delay(50);

        await Storage.Tasks.EnqueueAsync(NewTask());

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
