using System.Net;
using System.Text;
using System.Text.Json;

namespace SoapMiddleware.Queue.Tests.MultiProcess;

/// <summary>
/// The embedded default survives a hard kill: the sample app (SQLite) is SIGKILLed in the middle of a queued call and
/// started again on the same file; the call is delivered again and succeeds. Nothing is lost.
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class SqliteKillTests : IDisposable
{
    /// <summary>A process start and a redelivery take a while on a loaded machine.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _directory = Directory.CreateTempSubdirectory("soapmw-kill-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private WorkerProcess StartApp(int port) => WorkerProcess.StartSampleApp(
        "--urls", $"http://127.0.0.1:{port}",
        "--Queue:ConnectionString", Path.Combine(_directory, "queue.db"),
        "--Queue:LeaseTimeout=00:00:02", "--Queue:PollInterval=00:00:00.500");

    private static async Task<JsonElement> GetTaskAsync(HttpClient client, string id)
        => JsonDocument.Parse(await client.GetStringAsync($"/queue/tasks/{id}")).RootElement;

    [Fact]
    public async Task KilledMidCall_Restarted_CallDeliveredAgainAndSucceeds()
    {
        var port = WorkerProcess.FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        string id;
        using (var first = StartApp(port))
        {
            await Wait.UntilServingAsync(async () => (await client.GetAsync("/health")).IsSuccessStatusCode, "the app to answer /health", Patience);
            var body = """<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Sleep xmlns="http://example.com/calc"><seconds>4</seconds></Sleep></s:Body></s:Envelope>""";
            var response = await client.PostAsync("/queue/calculator", new StringContent(body, Encoding.UTF8, "text/xml"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            id = response.Headers.Location!.ToString().Split('/')[^1];
            await Wait.UntilServingAsync(async () => (await GetTaskAsync(client, id)).GetProperty("progressPercent").ValueKind == JsonValueKind.Number, "the call to report progress", Patience);

            first.KillHard();
            await Wait.UntilServingAsync(() => Task.FromResult(first.HasExited), "the killed process to exit", Patience);
        }

        using var second = StartApp(port);
        await Wait.UntilServingAsync(async () => (await GetTaskAsync(client, id)).GetProperty("state").GetString() == "Succeeded", "the call delivered again to succeed", Patience);

        var task = await GetTaskAsync(client, id);
        Assert.Equal(2, task.GetProperty("attempt").GetInt32());
        Assert.Contains("SleepResponse", task.GetProperty("result").GetString());
    }
}
