using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SoapMiddleware.Queue.Tests.Hosting;

/// <summary>
/// The example, observed on a running app: code says <c>Workers = 4</c>, configuration says
/// <c>Queue:Workers=2</c>, and the workers API lists 2 worker loops (docs/configuration.md: configuration overrides code).
/// </summary>
public sealed class ConfiguredWorkerLoopsTests
{
    [Theory]
    [InlineData(null, 4)]
    [InlineData("2", 2)]
    public async Task AddQueue_WorkersInCodeAndQueueWorkersInConfiguration_ConfigurationDecidesTheLoops(string? configured, int expected)
    {
        var directory = Directory.CreateTempSubdirectory("soapmw-config-workers-").FullName;
        var builder = KestrelApp.CreateBuilder();
        if (configured is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Queue:Workers"] = configured });
        }

        builder.Services.AddSingleton(new QueueProbe());
        builder.Services.AddRpc(o => o.Namespace = "http://example.com/config-workers").AddService<QueueTestService>()
            .AddQueue(q => q.Workers = 4).UseSqlite(Path.Combine(directory, "queue.db"));
        var app = builder.Build();
        app.MapRpcQueue("/queue/api");
        await using var server = await KestrelApp.StartAsync(app);

        // Each loop writes its row; the count is read until two reads half a second apart agree, so a loop that starts
        // late is still counted.
        var previous = -1;
        var workers = await Wait.ForAsync(
            async () => (await server.Client.GetFromJsonAsync<JsonElement>("/queue/api/workers")).GetArrayLength(),
            count =>
            {
                var stable = count > 0 && count == previous;
                previous = count;
                return stable;
            },
            "the workers list to stop growing", poll: TimeSpan.FromMilliseconds(500));

        Assert.Equal(expected, workers);
    }
}
