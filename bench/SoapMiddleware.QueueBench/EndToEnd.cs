using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SampleApp.Services;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.QueueBench;

/// <summary>
/// The real thing: the sample CalculatorService behind the queue's hosted workers. Throughput: enqueue N Add calls in
/// batches (producer-serialized SOAP), time until all are Succeeded. Pickup: with workers idle, enqueue one call at a
/// time and measure enqueue → method_call.
/// </summary>
internal static class EndToEnd
{
    public static async Task<(double Throughput, (double P50, double P99) Pickup)> RunAsync(Func<Task<IQueueStorage>> create, string provider, int tasks, int workers)
    {
        var storage = await create();
        var started = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddRpc(o => o.Namespace = "http://example.com/calc")
            .WithoutConfiguration()   // the bench sets every option: no appsettings.json of the working directory overrides them
            .AddService<CalculatorService>()
            .ConfigureEvents(e => e.AddListener(RpcEventNames.MethodCall, ctx =>
            {
                if (ctx.Transport is QueueRpcTransport queue)
                {
                    started.TryAdd(queue.TaskId, Stopwatch.GetTimestamp());
                }
            }))
            .AddQueue(o =>
            {
                o.Workers = workers;
                o.PollInterval = TimeSpan.FromSeconds(5);
            })
            .WithoutConfiguration()
            .UseStorage(_ => storage);
        await using var app = builder.Build();
        await app.StartAsync();
        var application = app.Services.GetRequiredService<RpcApplication>();
        var queue = app.Services.GetRequiredService<IRpcQueue>();

        var throughput = await ThroughputAsync(application, storage, tasks);
        var pickup = await PickupAsync(queue, started, provider == "postgresql" ? 200 : 100);
        await app.StopAsync();
        return (throughput, pickup);
    }

    private static async Task<double> ThroughputAsync(RpcApplication application, IQueueStorage storage, int tasks)
    {
        var add = application.FindOperation("Add")!;
        var clock = Stopwatch.StartNew();
        foreach (var chunk in Enumerable.Range(0, tasks).Chunk(500))
        {
            await storage.Tasks.EnqueueBatchAsync(chunk.Select(i =>
            {
                var (payload, contentType, action) = application.SerializeRequest(add, [i, 1]);
                return new NewQueuedTask { Call = new QueuedCall { ContentType = contentType, Action = action, Payload = payload, Service = "CalculatorService", Operation = "Add" } };
            }).ToList());
        }

        while ((await storage.Monitoring.GetStatsAsync()).Count(QueuedTaskState.Succeeded) < tasks)
        {
            await Task.Delay(100);
        }

        return tasks / clock.Elapsed.TotalSeconds;
    }

    private static async Task<(double P50, double P99)> PickupAsync(IRpcQueue queue, ConcurrentDictionary<string, long> started, int samples)
    {
        var latencies = new List<double>();
        await Task.Delay(1000);
        for (var i = 0; i < samples; i++)
        {
            var before = Stopwatch.GetTimestamp();
            var id = await queue.EnqueueAsync<CalculatorService>(s => s.Add(i, 1));
            long at;
            while (!started.TryGetValue(id, out at))
            {
                await Task.Delay(1);
            }

            latencies.Add(Stopwatch.GetElapsedTime(before, at).TotalMilliseconds);
            await Task.Delay(20);
        }

        latencies.Sort();
        return (latencies[latencies.Count / 2], latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1]);
    }
}
