using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// One caller cannot take every worker with long calls: the sample app limits <c>Sleep</c> to 2 calls at once
/// (<c>Queue:Concurrency:Sleep</c>) on 4 workers, so an <c>Add</c> queued behind six hour-long Sleeps from the same
/// caller runs within seconds, on either engine: the Sleeps over the limit wait without holding a worker.
/// </summary>
public sealed class QueueFairnessTests
{
    [Theory]
    [InlineData("Builtin")]
    [InlineData("Hangfire")]
    public async Task SixHourLongSleeps_AddBehindThem_SucceedsWithinSeconds_AtMostTwoSleepsRun(string engine)
    {
        var server = new SampleAppServer(["--Queue:Engine", engine, "--Queue:ShutdownTimeout", "00:00:01"]);
        await server.InitializeAsync();
        try
        {
            for (var i = 0; i < 6; i++)
            {
                using var sleep = await EnqueueAsync(server.Client, """{"Sleep":{"seconds":1000000000}}""");
                Assert.Equal(HttpStatusCode.Accepted, sleep.StatusCode);
            }

            // Two Sleeps run: the limit is taken before the Add comes.
            await Wait.ForAsync(() => ProcessingSleepsAsync(server), n => n == 2, "two Sleeps to run");
            var watch = Stopwatch.StartNew();
            using var add = await EnqueueAsync(server.Client, """{"Add":{"a":40,"b":2}}""");
            Assert.Equal(HttpStatusCode.Accepted, add.StatusCode);

            var task = await Wait.ForAsync(
                () => server.Client.GetFromJsonAsync<JsonElement>(add.Headers.Location!),
                t => t.GetProperty("state").GetString() is "Succeeded" or "Failed",
                "the Add to finish",
                TimeSpan.FromSeconds(20));

            Assert.Equal("Succeeded", task.GetProperty("state").GetString());
            Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
            Assert.Equal(2, await ProcessingSleepsAsync(server));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static Task<HttpResponseMessage> EnqueueAsync(HttpClient client, string json)
        => client.PostAsync("/queue/calculator", new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<int> ProcessingSleepsAsync(SampleAppServer server)
    {
        var processing = await server.Services.GetRequiredService<IRpcQueueMonitor>().ListAsync(QueuedTaskState.Processing, null, 0, 100);
        return processing.Count(t => t.Operation == "Sleep");
    }
}
