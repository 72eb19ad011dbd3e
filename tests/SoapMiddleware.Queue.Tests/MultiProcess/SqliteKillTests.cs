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

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task KilledMidCall_Restarted_CallDeliveredAgainAndSucceeds()
    {
        var port = WorkerProcess.FreePort();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        string id;
        using (var first = StartApp(port))
        {
            await WaitAsync(async () => (await client.GetAsync("/health")).IsSuccessStatusCode);
            var body = """<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Sleep xmlns="http://example.com/calc"><seconds>4</seconds></Sleep></s:Body></s:Envelope>""";
            var response = await client.PostAsync("/queue/calculator", new StringContent(body, Encoding.UTF8, "text/xml"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            id = response.Headers.Location!.ToString().Split('/')[^1];
            await WaitAsync(async () => (await GetTaskAsync(client, id)).GetProperty("progressPercent").ValueKind == JsonValueKind.Number);

            first.KillHard();
            await WaitAsync(() => Task.FromResult(first.HasExited));
        }

        using var second = StartApp(port);
        await WaitAsync(async () => (await GetTaskAsync(client, id)).GetProperty("state").GetString() == "Succeeded");

        var task = await GetTaskAsync(client, id);
        Assert.Equal(2, task.GetProperty("attempt").GetInt32());
        Assert.Contains("SleepResponse", task.GetProperty("result").GetString());
    }
}
