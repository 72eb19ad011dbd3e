using Hangfire;
using SoapMiddleware.Hangfire.Tests.Infrastructure;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Hangfire.Tests;

/// <summary>
/// The workers' rows once their server is gone: Stopped after a graceful stop (read from another host on the same
/// storage), Dead when it vanished without one; and how the rows are stored.
/// </summary>
public sealed class WorkerRowsTests : IAsyncLifetime
{
    private readonly QueueProbe _probe = new();
    private readonly PostgreSqlSchemas _schemas = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _schemas.DisposeAsync();

    [SkippableFact]
    public async Task GracefullyStoppedHost_ItsWorkersReadStopped_FromAnotherHostOnTheSameStorage()
    {
        Skip.If(TestEnvironment.PostgreSql is null, TestEnvironment.PostgreSqlSkip);
        var schema = _schemas.NewSchema();
        await using var worker = await HangfireTestHost.StartAsync(TestStorages.PostgreSql(schema), _probe);
        await using var reader = await HangfireTestHost.StartAsync(TestStorages.PostgreSql(schema), _probe, runServer: false);
        var handle = await reader.Queue.EnqueueAsync<QueueTestService>(s => s.Add(1, 2));
        var task = await Wait.ForStateAsync(reader.Queue, handle, QueuedTaskState.Succeeded);
        await Wait.ForAsync(() => Rows(reader, worker.ServerName), rows => rows.Any(r => r.Processed == 1), "the processed count");

        await worker.StopAsync();

        // Written by the stop itself: no waiting.
        var stopped = await Rows(reader, worker.ServerName);
        Assert.Equal(3, stopped.Count);
        Assert.All(stopped, r => Assert.Equal((WorkerState.Stopped, null, Environment.ProcessId), (r.State, r.CurrentTaskId, r.ProcessId)));
        var ran = Assert.Single(stopped, r => r.WorkerId == task.WorkerId);
        Assert.Equal((1L, 0L, handle), (ran.Processed, ran.Failed, ran.LastTaskId));
        Assert.Equal(2, stopped.Count(r => r.WorkerId.Contains("/#", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ServerWithHangfiresDefaultName_StoppedWithoutRunningAnything_AllItsWorkersReadStopped()
    {
        await using var host = await HangfireTestHost.StartAsync(TestStorages.InMemory(), _probe, server: o => o.ServerName = null);
        var live = await Wait.ForAsync(() => host.Monitor.GetWorkersAsync(), rows => rows.Count == 3, "three idle rows");
        Assert.All(live, r => Assert.Equal((WorkerState.Idle, Environment.ProcessId), (r.State, r.ProcessId)));

        await host.StopAsync();

        var stopped = await host.Monitor.GetWorkersAsync();
        Assert.Equal(live.Select(r => r.WorkerId), stopped.Select(r => r.WorkerId));
        Assert.All(stopped, r => Assert.Equal(WorkerState.Stopped, r.State));
    }

    [Fact]
    public async Task ServerGoneWithoutStopping_ItsWorkersReadDead_WithTheirCounts()
    {
        await using var host = await HangfireTestHost.StartAsync(TestStorages.InMemory(), _probe);
        var handle = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(2, 2));
        var task = await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Succeeded);
        await Wait.ForAsync(() => Rows(host, host.ServerName), rows => rows.Any(r => r.Processed == 1), "the processed count");
        var server = Assert.Single(host.Storage.GetMonitoringApi().Servers()).Name;

        // What Hangfire's watchdog does to a server whose process was killed (it stopped sending heartbeats).
        using (var connection = host.Storage.GetConnection())
        {
            connection.RemoveServer(server);
        }

        var dead = Assert.Single(await Rows(host, host.ServerName));
        Assert.Equal((task.WorkerId, WorkerState.Dead, 1L, handle), (dead.WorkerId, dead.State, dead.Processed, dead.LastTaskId));
    }

    [Fact]
    public void StoredRow_RoundTrips_AsPlainJson()
    {
        var row = new WorkerStatus
        {
            WorkerId = "", State = WorkerState.Processing, CurrentTaskId = "12-abc", CurrentOperation = "S.Op", ProgressPercent = 40,
            ProgressMessage = "almost \"there\"", Processed = 7, Failed = 2, LastTaskId = "11-def",
            StartedAt = DateTimeOffset.UnixEpoch.AddDays(1), HeartbeatAt = DateTimeOffset.UnixEpoch.AddDays(2),
        };
        var json = WorkerRecordJson.Write(row);
        Assert.StartsWith("""{"state":"Processing","task":"12-abc",""", json);
        Assert.Equal(row, WorkerRecordJson.ReadWorker(json));

        // A row as stored by earlier versions (the format other processes and versions read) still reads whole.
        const string Stored = """{"state":"Idle","task":null,"operation":null,"percent":null,"message":null,"processed":3,"failed":1,"last":"9-x","startedAt":"1970-01-02T00:00:00+00:00","heartbeat":"1970-01-03T00:00:00+00:00"}""";
        var idle = new WorkerStatus
        {
            WorkerId = "", State = WorkerState.Idle, Processed = 3, Failed = 1, LastTaskId = "9-x",
            StartedAt = DateTimeOffset.UnixEpoch.AddDays(1), HeartbeatAt = DateTimeOffset.UnixEpoch.AddDays(2),
        };
        Assert.Equal(idle, WorkerRecordJson.ReadWorker(Stored));
        Assert.Equal(Stored, WorkerRecordJson.Write(idle));
        Assert.Null(WorkerRecordJson.ReadWorker("not json"));

        var server = new ServerSnapshot { State = "Stopped", Workers = 4, StartedAt = DateTimeOffset.UnixEpoch, StoppedAt = DateTimeOffset.UnixEpoch.AddHours(1) };
        Assert.Equal(server, WorkerRecordJson.ReadServer(WorkerRecordJson.Write(server)));
    }

    [Theory]
    [InlineData("web-1:4242:0b8f0c52-8a3f-4f1e-9f55-2f2d7c1f0a11", "web-1", 4242)]
    [InlineData("my:app:77:0b8f0c52-8a3f-4f1e-9f55-2f2d7c1f0a11", "my:app", 77)]
    [InlineData("0b8f0c52-8a3f-4f1e-9f55-2f2d7c1f0a11", "0b8f0c52-8a3f-4f1e-9f55-2f2d7c1f0a11", 0)]
    public void ServerName_GivesHostAndProcess(string name, string host, int pid)
        => Assert.Equal((host, pid), HangfireWorkers.Describe(name));

    private static async Task<List<WorkerStatus>> Rows(HangfireTestHost host, string serverName)
        => (await host.Monitor.GetWorkersAsync()).Where(w => w.WorkerId.StartsWith(serverName + ":", StringComparison.Ordinal)).ToList();
}
