using System.Diagnostics;
using System.Text;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.QueueBench;

/// <summary>
/// The ceiling: only the queue's SQL. N loops fetch up to <c>batch</c> tasks per statement (the most the workers fetch:
/// workers + prefetch) and complete them in one statement.
/// </summary>
internal static class Ceiling
{
    public static async Task<double> RunAsync(Func<Task<IQueueStorage>> create, int tasks, int loops, int batch)
    {
        var storage = await create();
        var payload = Encoding.UTF8.GetBytes("<x/>");
        foreach (var chunk in Enumerable.Range(0, tasks).Chunk(500))
        {
            await storage.Tasks.EnqueueBatchAsync(chunk.Select(_ => new NewQueuedTask { Call = new QueuedCall { ContentType = "text/xml", Payload = payload } }).ToList());
        }

        var done = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, loops).Select(async loop =>
        {
            var owner = "ceiling-" + loop;
            while (true)
            {
                var fetched = await storage.Queue.FetchAsync(["default"], owner, batch, TimeSpan.FromMinutes(5));
                if (fetched.Count == 0)
                {
                    return;
                }

                await storage.Queue.CompleteAsync(fetched.Select(t => new TaskCompletion(t.Id, owner, payload, "text/xml")).ToList());
                Interlocked.Add(ref done, fetched.Count);
            }
        }));
        var rate = done / clock.Elapsed.TotalSeconds;
        if (storage is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        return rate;
    }
}
