using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using SoapMiddleware.Queue.Tests.Storage;

namespace SoapMiddleware.Queue.Tests.MultiProcess;

/// <summary>
/// Live per-worker progress, across processes: a web process of the sample app takes a <c>Sleep(3)</c>, a workers-only
/// process runs it, and the web process's workers API shows the worker busy, its progress rising, then idle with its
/// count grown, each within a second of the change (all processes share this machine's clock).
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class LiveWorkerRowsTests : IAsyncLifetime
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(1);
    private readonly string _database = "soapmw_live_" + Guid.NewGuid().ToString("N")[..10];
    private string? _connectionString;

    public async Task InitializeAsync()
    {
        if (PostgreSqlTestEnvironment.ConnectionString is not { } admin)
        {
            return;
        }

        await Execute(admin, $"CREATE DATABASE {_database}");
        _connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = _database }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_connectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await Execute(PostgreSqlTestEnvironment.ConnectionString!, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        }
    }

    [PostgreSqlTheory]
    [InlineData("Builtin")]
    [InlineData("Hangfire")]
    public async Task SleepInAnotherProcess_WorkerRowBusyRisingThenIdle_EachWithinASecond(string engine)
    {
        var port = WorkerProcess.FreePort();
        using var web = Start(engine, port, "Web");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await Wait.UntilServingAsync(async () => (await client.GetAsync("/health")).IsSuccessStatusCode, "the web process is healthy", TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(100));
        using var worker = Start(engine, WorkerProcess.FreePort(), "Workers", workers: 1);
        await Wait.UntilServingAsync(async () => (await Rows(client)).Any(r => r.GetProperty("processId").GetInt32() == worker.Pid && r.GetProperty("state").GetString() == "Idle"), "the worker process's idle row", TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(100));
        var before = (await Rows(client)).Where(r => r.GetProperty("processId").GetInt32() == worker.Pid).Sum(r => r.GetProperty("processed").GetInt64());

        var envelope = """<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Sleep xmlns="http://example.com/calc"><seconds>3</seconds></Sleep></s:Body></s:Envelope>""";
        var accepted = await client.PostAsync("/queue/calculator", new StringContent(envelope, Encoding.UTF8, "text/xml"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var handle = accepted.Headers.Location!.ToString().Split('/')[^1];

        // Watch the task and the worker's row every 50 ms until the task is over, noting when each state of the row
        // and each progress value of the task (written synchronously by the method's report) was first seen.
        var seen = new List<(DateTimeOffset At, string State, int? Percent, long Processed)>();
        var taskPercentSeen = new Dictionary<int, DateTimeOffset>();
        JsonElement task;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            task = await client.GetFromJsonAsync<JsonElement>($"/queue/tasks/{handle}");
            if (task.GetProperty("progressPercent").ValueKind == JsonValueKind.Number)
            {
                taskPercentSeen.TryAdd(task.GetProperty("progressPercent").GetInt32(), DateTimeOffset.UtcNow);
            }

            var row = (await Rows(client)).FirstOrDefault(r => r.GetProperty("processId").GetInt32() == worker.Pid);
            if (row.ValueKind == JsonValueKind.Object)
            {
                var state = row.GetProperty("currentTaskId").GetString() == handle ? "Busy" : row.GetProperty("state").GetString()!;
                int? percent = row.GetProperty("progressPercent").ValueKind == JsonValueKind.Number ? row.GetProperty("progressPercent").GetInt32() : null;
                var processed = row.GetProperty("processed").GetInt64();
                if (seen.Count == 0 || seen[^1].State != state || seen[^1].Percent != percent || seen[^1].Processed != processed)
                {
                    seen.Add((DateTimeOffset.UtcNow, state, percent, processed));
                }
            }

            if (task.GetProperty("state").GetString() == "Succeeded" && seen.Count > 0 && seen[^1].Processed > before)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "Timeline: " + string.Join("; ", seen));
            await Task.Delay(50);
        }

        var timeline = string.Join("; ", seen.Select(s => $"{s.At:HH:mm:ss.fff} {s.State} {s.Percent} {s.Processed}"))
            + " | task: " + string.Join("; ", taskPercentSeen.Select(p => $"{p.Value:HH:mm:ss.fff} {p.Key}"));
        var startedAt = task.GetProperty("startedAt").GetDateTimeOffset();
        var finishedAt = task.GetProperty("finishedAt").GetDateTimeOffset();
        var busy = seen.Where(s => s.State == "Busy").ToList();
        Assert.True(busy.Count > 0, timeline);
        Assert.True(busy[0].At - startedAt < Live, $"busy seen {busy[0].At - startedAt} after the start; {timeline}");
        var percents = busy.Where(s => s.Percent is not null).Select(s => s.Percent!.Value).Distinct().ToList();
        Assert.True(percents.Count >= 3, $"progress did not rise live: {timeline}");
        Assert.Equal(percents.OrderBy(p => p), percents);
        foreach (var percent in percents)
        {
            // The row shows each progress value within a second of the task itself showing it.
            if (taskPercentSeen.TryGetValue(percent, out var onTask))
            {
                var onRow = busy.First(s => s.Percent == percent).At;
                Assert.True(onRow - onTask < Live, $"progress {percent} reached the row {onRow - onTask} after the task; {timeline}");
            }
        }

        var idle = seen.First(s => s.State == "Idle" && s.At > busy[^1].At && s.Processed > before);
        Assert.True(idle.At - finishedAt < Live, $"idle seen {idle.At - finishedAt} after the finish; {timeline}");
    }

    private WorkerProcess Start(string engine, int port, string role, int workers = 2)
        => WorkerProcess.StartSampleApp(
            "--urls", $"http://127.0.0.1:{port}",
            $"--Queue:Engine={engine}", "--Queue:Provider=PostgreSql", $"--Queue:ConnectionString={_connectionString}",
            $"--Queue:Role={role}", $"--Queue:Workers={workers}", "--Queue:LeaseTimeout=00:00:30");

    private static async Task<List<JsonElement>> Rows(HttpClient client)
        => (await client.GetFromJsonAsync<JsonElement>("/queue/api/workers")).EnumerateArray().ToList();

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
