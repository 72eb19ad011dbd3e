using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using SoapMiddleware.Queue.Tests.Storage;

namespace SoapMiddleware.Queue.Tests.MultiProcess;

/// <summary>
/// Scale-out on the Hangfire engine over Hangfire.PostgreSql: one web process of the sample app takes 2,000 queued calls
/// over HTTP, three workers-only processes run them; the one in the middle of a 4-second call is killed with SIGKILL and
/// replaced. Every task must end Succeeded with the right result, and the killed call must have been run again by
/// another process (Hangfire's invisibility timeout, 5 s and sliding here).
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class HangfireMultiProcessTests : IAsyncLifetime
{
    private const int Calls = 2000;
    private const int Sleeps = 6;
    private readonly string _database = "soapmw_hf_" + Guid.NewGuid().ToString("N")[..10];
    private string? _connectionString;

    public async Task InitializeAsync()
    {
        if (PostgreSqlTestEnvironment.ConnectionString is not { } admin)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        _connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = _database }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_connectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgreSqlTestEnvironment.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [PostgreSqlFact]
    public async Task ThreeWorkerProcesses_OneKilledMidCall_EveryCallSucceedsWithItsResult()
    {
        var webPort = WorkerProcess.FreePort();
        using var web = Start(webPort, "Web");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}"), Timeout = TimeSpan.FromSeconds(30) };
        await Wait.UntilAsync(async () => await Healthy(client), "the web process is healthy", TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(100));
        var workers = Enumerable.Range(0, 3).Select(_ => Start(WorkerProcess.FreePort(), "Workers")).ToList();
        try
        {
            await Wait.UntilAsync(async () => (await Workers(client)).Select(w => w.GetProperty("processId").GetInt32()).Distinct().Count() >= 3, "three worker processes", TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(100));

            var adds = new string[Calls];
            await Parallel.ForEachAsync(Enumerable.Range(0, Calls), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
                adds[i] = await EnqueueAsync(client, $"<Add xmlns=\"http://example.com/calc\"><a>{i}</a><b>1000000</b></Add>"));

            // Slow calls after the quick ones, so one is surely running while calls are still waiting.
            var sleeps = new List<string>();
            for (var i = 0; i < Sleeps; i++)
            {
                sleeps.Add(await EnqueueAsync(client, "<Sleep xmlns=\"http://example.com/calc\"><seconds>4</seconds></Sleep>"));
            }

            // Kill the process that is in the middle of a 4-second call, and start another in its place.
            var victimPid = 0;
            await Wait.UntilAsync(async () =>
            {
                foreach (var handle in sleeps)
                {
                    var task = await client.GetFromJsonAsync<JsonElement>($"/queue/tasks/{handle}");
                    if (task.GetProperty("state").GetString() == "Processing" && task.GetProperty("workerId").GetString() is { } worker)
                    {
                        victimPid = int.Parse(worker.Split(':')[1]);
                        return true;
                    }
                }

                return false;
            }, "a process in a slow call", TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(20));
            var victim = workers.Single(p => p.Pid == victimPid);
            victim.KillHard();
            workers.Add(Start(WorkerProcess.FreePort(), "Workers"));

            await Wait.UntilAsync(
                async () => (await client.GetFromJsonAsync<JsonElement>("/queue/api/stats")).GetProperty("byState").TryGetProperty("Succeeded", out var n) && n.GetInt32() == Calls + Sleeps,
                "every call succeeded",
                TimeSpan.FromMinutes(10),
                TimeSpan.FromMilliseconds(500));

            for (var i = 0; i < Calls; i++)
            {
                var task = await client.GetFromJsonAsync<JsonElement>($"/queue/tasks/{adds[i]}");
                Assert.Equal("Succeeded", task.GetProperty("state").GetString());
                Assert.Contains($"<tns:AddResult>{i + 1000000}</tns:AddResult>", task.GetProperty("result").GetString());
            }

            // The killed call ran again in another process.
            var victimPrefix = $":{victimPid}:";
            var rerun = 0;
            foreach (var handle in sleeps)
            {
                var task = await client.GetFromJsonAsync<JsonElement>($"/queue/tasks/{handle}");
                Assert.Equal("Succeeded", task.GetProperty("state").GetString());
                var runners = task.GetProperty("history").EnumerateArray()
                    .Where(h => h.GetProperty("state").GetString() == "Processing")
                    .Select(h => h.GetProperty("workerId").GetString() ?? "")
                    .ToList();
                if (runners.Count > 1)
                {
                    Assert.Contains(victimPrefix, runners[0]);
                    Assert.DoesNotContain(victimPrefix, runners[^1]);
                    rerun++;
                }
            }

            Assert.InRange(rerun, 1, Sleeps);
        }
        finally
        {
            workers.ForEach(p => p.Dispose());
        }
    }

    private WorkerProcess Start(int port, string role)
        => WorkerProcess.StartSampleApp(
            "--urls", $"http://127.0.0.1:{port}",
            "--Queue:Engine=Hangfire", "--Queue:Provider=PostgreSql", $"--Queue:ConnectionString={_connectionString}",
            $"--Queue:Role={role}", "--Queue:Workers=4", "--Queue:LeaseTimeout=00:00:05",

            // One client posts the 2,000 calls: the sample's per-caller enqueue limit is off for this load.
            "--Queue:EnqueueLimit=0",

            // The sample limits Sleep to 2 at once; on Hangfire a job over the limit is put back as Scheduled from
            // Processing, a second Processing entry in its history that this test would read as a rerun after the kill.
            "--Queue:Concurrency:Sleep=0");

    private static async Task<string> EnqueueAsync(HttpClient client, string body)
    {
        var envelope = $"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>{body}</s:Body></s:Envelope>""";
        using var response = await client.PostAsync("/queue/calculator", new StringContent(envelope, Encoding.UTF8, "text/xml"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches(new Regex(@"^/queue/tasks/\d+-[0-9a-f]{32}$"), location);
        return location.Split('/')[^1];
    }

    private static async Task<bool> Healthy(HttpClient client)
    {
        try
        {
            return (await client.GetAsync("/health")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task<List<JsonElement>> Workers(HttpClient client)
        => (await client.GetFromJsonAsync<JsonElement>("/queue/api/workers")).EnumerateArray().ToList();
}
