using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SoapMiddleware.Queue.PostgreSql;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;
using SoapMiddleware.Queue.Tests.Storage;

namespace SoapMiddleware.Queue.Tests.MultiProcess;

/// <summary>
/// Scale-out on PostgreSQL: three worker processes of the sample app share one queue; one is killed with SIGKILL
/// mid-run and started again. Every task must end Succeeded with the right result, and the only tasks run twice
/// must be ones the killed process had fetched.
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class MultiProcessPostgreSqlTests : IAsyncLifetime
{
    private const int Tasks = 5000;
    private const int Sleeps = 12;
    private readonly PostgreSqlTestSchemas _schemas = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (PostgreSqlTestEnvironment.ConnectionString is not null)
        {
            await _schemas.DisposeAsync();
        }
    }

    [PostgreSqlFact]
    public async Task ThreeProcesses_OneKilledMidRun_NothingLostOnlyKilledTasksRepeated()
    {
        var connectionString = _schemas.ConnectionString("mp");
        await using var storage = new PostgreSqlQueueStorage(connectionString, TimeProvider.System, NullLogger.Instance);
        await storage.InitializeAsync();
        var processes = Enumerable.Range(0, 3).Select(_ => WorkerProcess.Start(connectionString, workers: 4)).ToList();
        try
        {
            await Wait.UntilAsync(async () => (await storage.Monitoring.GetWorkersAsync()).Select(w => w.ProcessId).Distinct().Count() >= 3, "three worker processes", TimeSpan.FromSeconds(60));
            var batch = Enumerable.Range(1, Tasks).Select(i => new NewQueuedTask
            {
                Call = new QueuedCall
                {
                    ContentType = "text/xml; charset=utf-8",
                    Operation = "Add",
                    Payload = Encoding.UTF8.GetBytes($"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Add xmlns="http://example.com/calc"><a>{i}</a><b>1000000</b></Add></s:Body></s:Envelope>"""),
                },
            }).ToList();
            // A few slow calls first, so the victim is sure to be mid-call when it is killed.
            batch.InsertRange(0, Enumerable.Range(0, Sleeps).Select(_ => new NewQueuedTask
            {
                Call = new QueuedCall
                {
                    ContentType = "text/xml; charset=utf-8",
                    Operation = "Sleep",
                    Payload = Encoding.UTF8.GetBytes("""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Sleep xmlns="http://example.com/calc"><seconds>3</seconds></Sleep></s:Body></s:Envelope>"""),
                },
            }));
            foreach (var chunk in batch.Chunk(500))
            {
                await storage.Tasks.EnqueueBatchAsync(chunk);
            }

            // Kill mid-run: the process that is in the middle of a 3-second call.
            int victimPid;
            await using (var probe = new NpgsqlConnection(connectionString))
            {
                await probe.OpenAsync();
                await using var holding = new NpgsqlCommand("SELECT worker_id FROM queue_task WHERE state = 2 AND operation = 'Sleep' LIMIT 1", probe);
                string? owner = null;
                await Wait.UntilAsync(async () => (owner = (string?)await holding.ExecuteScalarAsync()) is not null, "a process in a slow call", TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(5));
                victimPid = int.Parse(owner!.Split(':')[1]);
            }

            var victim = processes.Single(p => p.Pid == victimPid);
            victim.KillHard();
            processes.Add(WorkerProcess.Start(connectionString, workers: 4));

            await Wait.UntilAsync(async () => (await storage.Monitoring.GetStatsAsync()).Count(QueuedTaskState.Succeeded) == Tasks + Sleeps, "every task succeeded", TimeSpan.FromSeconds(180), TimeSpan.FromMilliseconds(100));

            await AssertResultsAndDuplicatesAsync(connectionString, victimPid);
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
        }
    }

    private static async Task AssertResultsAndDuplicatesAsync(string connectionString, int victimPid)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var results = new NpgsqlCommand("SELECT id, convert_from(payload, 'UTF8'), convert_from(result, 'UTF8') FROM queue_task WHERE operation = 'Add'", connection))
        await using (var reader = await results.ExecuteReaderAsync())
        {
            var count = 0;
            while (await reader.ReadAsync())
            {
                var a = int.Parse(System.Text.RegularExpressions.Regex.Match(reader.GetString(1), "<a>(\\d+)</a>").Groups[1].Value);
                Assert.Contains($"<tns:AddResult>{a + 1000000}</tns:AddResult>", reader.GetString(2));
                count++;
            }

            Assert.Equal(Tasks, count);
        }

        var victimPrefix = $":{victimPid}:";
        await using var repeated = new NpgsqlCommand(
            "SELECT task_id, array_agg(worker_id ORDER BY id) FROM queue_task_history WHERE state = 2 GROUP BY task_id HAVING count(*) > 1", connection);
        await using var rows = await repeated.ExecuteReaderAsync();
        var redelivered = 0;
        while (await rows.ReadAsync())
        {
            var owners = (string[])rows.GetValue(1);
            Assert.All(owners[..^1], owner => Assert.Contains(victimPrefix, owner));
            redelivered++;
        }

        // The victim was killed with tasks in hand: the run must really have exercised redelivery. At most it held its
        // fetched tasks (4 workers + 64 prefetch) and the successes not yet written (one completion batch, 200).
        Assert.InRange(redelivered, 1, 4 + 64 + 200);
    }
}
