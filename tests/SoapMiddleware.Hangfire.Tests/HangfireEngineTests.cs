using System.Diagnostics;
using System.Reflection;
using System.Text;
using Hangfire;
using SoapMiddleware.Hangfire.Tests.Infrastructure;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Engine;
using Xunit.Abstractions;

namespace SoapMiddleware.Hangfire.Tests;

/// <summary>
/// The Hangfire engine end to end, declared once and run on each Hangfire storage: a real Kestrel host with the RPC app,
/// a Hangfire server running the jobs, and the storage the derived class gives.
/// </summary>
public abstract class HangfireEngineTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<HangfireTestHost> _hosts = [];

    protected QueueProbe Probe { get; } = new();

    protected ITestOutputHelper Output { get; } = output;

    protected abstract JobStorage NewStorage();

    protected async Task<HangfireTestHost> HostAsync(Action<RpcQueueOptions>? queue = null, Action<BackgroundJobServerOptions>? server = null, bool dashboard = false)
    {
        var host = HangfireTestHost.Build(NewStorage(), Probe, queue, server, dashboard: dashboard);
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }

    protected static string JobId(string handle) => TaskHandle.TryParse(handle, out string? id, out _) ? id : throw new ArgumentException(handle);

    protected static string Text(byte[]? bytes) => bytes is null ? "(null)" : Encoding.UTF8.GetString(bytes);

    [EngineFact]
    public async Task Enqueue_RunsTheCallOnAHangfireWorker_AndStoresTheSoapResult()
    {
        var host = await HostAsync();
        var handle = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(2, 3));

        var task = await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Succeeded);
        Assert.Equal("Hangfire", task.Engine);
        Assert.Equal(handle, task.Id);
        Assert.Equal("QueueTestService.Add(2, 3)", task.Display);
        Assert.Equal(("QueueTestService", "Add", "default"), (task.Service, task.Operation, task.Queue));
        Assert.Equal(1, task.Attempt);
        Assert.Equal(HangfireTestGlobals.RetryAttempts + 1, task.MaxAttempts);
        Assert.NotNull(task.Payload);
        var result = Text(task.Result);
        Assert.Contains("AddResponse", result);
        Assert.Contains(">5<", result);
        Assert.False(string.IsNullOrEmpty(task.ResultContentType));
        Assert.NotNull(task.FinishedAt);
        Assert.StartsWith(host.ServerName, task.WorkerId);

        // The call went through the same pipeline as HTTP: wrapper, listener and method saw the queue transport.
        var seen = Probe.Seen.Where(s => s.TaskId == handle).ToList();
        Assert.Equal(["listener", "method", "wrapper"], seen.Select(s => s.Source).Distinct().Order());
        Assert.All(seen, s =>
        {
            Assert.Equal(("queue", "Hangfire", 1, "default"), (s.Transport, s.Engine, s.Attempt, s.Queue));
            Assert.Equal(task.WorkerId, s.WorkerId);
        });

        var history = await host.Queue.GetHistoryAsync(handle);
        Assert.Equal([QueuedTaskState.Enqueued, QueuedTaskState.Processing, QueuedTaskState.Succeeded], history.Select(h => h.State));
        Assert.Equal(task.WorkerId, history[1].WorkerId);

        // Hangfire's side: one job of RpcJob, shown by the call's name, its result the response text.
        var details = host.Storage.GetMonitoringApi().JobDetails(JobId(handle));
        Assert.Equal(typeof(RpcJob), details.Job.Type);
        var displayName = details.Job.Method.GetCustomAttribute<JobDisplayNameAttribute>()!.Format(null!, details.Job);
        Assert.Equal("QueueTestService.Add(2, 3)", displayName);

        var listed = await host.Monitor.ListAsync(QueuedTaskState.Succeeded, null, 0, 10);
        var item = Assert.Single(listed, t => t.Id == handle);
        Assert.Null(item.Result);
        Assert.Equal("QueueTestService.Add(2, 3)", item.Display);
        Assert.Contains(await host.Monitor.ListAsync(null, "default", 0, 10), t => t.Id == handle);
        Assert.Empty(await host.Monitor.ListAsync(null, "other", 0, 10));
        Assert.True((await host.Monitor.GetStatsAsync()).Count(QueuedTaskState.Succeeded) >= 1);
        Assert.Equal("Hangfire", host.Monitor.Engine);
    }

    [EngineFact]
    public async Task ClientFault_FailsAfterExactlyOneAttempt_WithItsFault()
    {
        var host = await HostAsync();
        var handle = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Divide(1, 0));

        var task = await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Failed);
        Assert.Equal(1, task.Attempt);
        Assert.Contains("Division by zero", Text(task.Fault));
        Assert.Contains("Client fault", task.Reason);
        Assert.False(string.IsNullOrEmpty(task.ResultContentType));

        // The retry policy (1 s delay) would have run it again by now.
        await Task.Delay(2500);
        Assert.Equal(1, Probe.RunCount("Divide 1 0"));
        task = (await host.Queue.GetAsync(handle))!;
        Assert.Equal((QueuedTaskState.Failed, 1), (task.State, task.Attempt));
        Assert.Equal([QueuedTaskState.Enqueued, QueuedTaskState.Processing, QueuedTaskState.Failed], (await host.Queue.GetHistoryAsync(handle)).Select(h => h.State));

        // A payload that does not parse is rejected the same way.
        var garbage = await host.Queue.EnqueueRequestAsync(Encoding.UTF8.GetBytes("<not a soap envelope"), "text/xml; charset=utf-8", null);
        var rejected = await Wait.ForStateAsync(host.Queue, garbage, QueuedTaskState.Failed);
        Assert.Equal(1, rejected.Attempt);
        Assert.Contains("Payload rejected", rejected.Reason);
        Assert.NotNull(rejected.Fault);
    }

    [EngineFact]
    public async Task ServerFault_IsRetriedByTheRetryPolicy_AndMaxAttemptsCapsIt()
    {
        Probe.FailuresLeft["once"] = 1;
        Probe.FailuresLeft["always"] = 100;
        Probe.FailuresLeft["capped"] = 100;
        var host = await HostAsync();
        var once = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Flaky("once"));
        var always = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Flaky("always"));
        var capped = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Flaky("capped"), new EnqueueOptions { MaxAttempts = 2 });

        var succeeded = await Wait.ForStateAsync(host.Queue, once, QueuedTaskState.Succeeded, TimeSpan.FromSeconds(30));
        Assert.Equal(2, succeeded.Attempt);
        Assert.Contains(await host.Queue.GetHistoryAsync(once), h => h.State == QueuedTaskState.Scheduled && h.Reason!.StartsWith("Retry attempt 1", StringComparison.Ordinal));
        Assert.Equal([1, 2], Probe.Seen.Where(s => s.TaskId == once && s.Source == "method").Select(s => s.Attempt));

        var exhausted = await Wait.ForStateAsync(host.Queue, always, QueuedTaskState.Failed, TimeSpan.FromSeconds(30));
        Assert.Equal((3, 3), (exhausted.Attempt, exhausted.MaxAttempts));
        Assert.Equal(3, Probe.RunCount("Flaky always"));
        Assert.Contains("Failed after 3 attempt(s)", exhausted.Reason);
        Assert.NotNull(exhausted.Fault);

        var stopped = await Wait.ForStateAsync(host.Queue, capped, QueuedTaskState.Failed, TimeSpan.FromSeconds(30));
        Assert.Equal((2, 2), (stopped.Attempt, stopped.MaxAttempts));
        Assert.Contains("the most this call allows", stopped.Reason);
        await Task.Delay(2500);
        Assert.Equal(2, Probe.RunCount("Flaky capped"));
        Assert.Equal(QueuedTaskState.Failed, (await host.Queue.GetAsync(capped))!.State);
    }

    [EngineFact]
    public async Task Progress_IsVisibleWhileTheMethodRuns()
    {
        var host = await HostAsync();
        var handle = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Block("progress", null!, default));
        await Probe.Signal(Probe.Started, "progress").Task.WaitAsync(TimeSpan.FromSeconds(20));

        var running = await Wait.ForTaskAsync(host.Queue, handle, t => t.State == QueuedTaskState.Processing && t.ProgressPercent == 50, "processing at 50 %");
        Assert.Equal("half way", running.ProgressMessage);
        Assert.Equal(1, running.Attempt);
        Assert.Contains(await host.Monitor.ListAsync(QueuedTaskState.Processing, null, 0, 10), t => t.Id == handle && t.ProgressPercent == 50);

        // The worker's row trails the task by a fraction of a second (its writes are gathered).
        var workers = await Wait.ForAsync(
            () => ServerRows(host), rows => rows.Any(w => w.ProgressPercent == 50), "the worker's row at 50 %", TimeSpan.FromSeconds(1));
        Assert.Equal(3, workers.Count);
        var busy = Assert.Single(workers, w => w.State == WorkerState.Processing);
        Assert.Equal((handle, "QueueTestService.Block", 50, "half way"), (busy.CurrentTaskId, busy.CurrentOperation, busy.ProgressPercent, busy.ProgressMessage));
        Assert.Equal(running.WorkerId, busy.WorkerId);
        Assert.Equal(2, workers.Count(w => w.State == WorkerState.Idle));

        // Hangfire's own job page lists job parameters: the progress is plain JSON there.
        var details = host.Storage.GetMonitoringApi().JobDetails(JobId(handle));
        Assert.Equal("""{"percent":50,"message":"half way"}""", details.Properties["soapmw-progress"]);

        Probe.Signal(Probe.Release, "progress").TrySetResult();
        var done = await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Succeeded);
        Assert.Contains("released progress", Text(done.Result));
    }

    [EngineFact]
    public async Task WorkerRow_FollowsTheCall_WithinASecondOfEachChange()
    {
        var host = await HostAsync();
        var handle = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Steps("row", null!, default));
        await Probe.Signal(Probe.Started, "row").Task.WaitAsync(TimeSpan.FromSeconds(20));

        // Took it: busy, with the handle and the operation.
        var busy = await RowWithinASecond(host, w => w.CurrentTaskId == handle, "busy with the task");
        Assert.Equal((WorkerState.Processing, "QueueTestService.Steps", 0L, 0L), (busy.State, busy.CurrentOperation, busy.Processed, busy.Failed));
        var task = await host.Queue.GetAsync(handle);
        Assert.Equal(task!.WorkerId, busy.WorkerId);
        Assert.Equal(3, (await ServerRows(host)).Count);

        // Reports progress: each report shows, rising.
        for (var step = 1; step <= 3; step++)
        {
            Probe.Signal(Probe.Release, $"row/{step}").TrySetResult();
            var percent = step * 25;
            var row = await RowWithinASecond(host, w => w.WorkerId == busy.WorkerId && w.ProgressPercent == percent, $"{percent} %");
            Assert.Equal((WorkerState.Processing, handle, $"step {step}"), (row.State, row.CurrentTaskId, row.ProgressMessage));
        }

        // Finishes: idle, one more processed, nothing failed.
        Probe.Signal(Probe.Release, "row/done").TrySetResult();
        var idle = await RowWithinASecond(host, w => w.WorkerId == busy.WorkerId && w.State == WorkerState.Idle, "idle again");
        Assert.Equal((1L, 0L, handle), (idle.Processed, idle.Failed, idle.LastTaskId));
        Assert.Equal((null, null, null), (idle.CurrentTaskId, idle.CurrentOperation, idle.ProgressPercent));
        await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Succeeded);

        // A Client fault counts as failed, not processed, on the worker that ran it.
        var fault = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Divide(1, 0));
        var failed = await Wait.ForStateAsync(host.Queue, fault, QueuedTaskState.Failed);
        var row2 = await RowWithinASecond(host, w => w.LastTaskId == fault, "failed counted");
        Assert.Equal(failed.WorkerId, row2.WorkerId);
        Assert.Equal((WorkerState.Idle, 1L), (row2.State, row2.Failed));
        Assert.Equal(1, (await ServerRows(host)).Sum(w => w.Processed));
        Assert.Equal(1, (await ServerRows(host)).Sum(w => w.Failed));
        Assert.Equal(3, (await ServerRows(host)).Count);
    }

    /// <summary>This host's server's rows.</summary>
    private static async Task<List<WorkerStatus>> ServerRows(HangfireTestHost host)
        => (await host.Monitor.GetWorkersAsync()).Where(w => w.WorkerId.StartsWith(host.ServerName + ":", StringComparison.Ordinal)).ToList();

    /// <summary>The row matching <paramref name="condition"/>, which must show within a second of now.</summary>
    private async Task<WorkerStatus> RowWithinASecond(HangfireTestHost host, Func<WorkerStatus, bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        var seen = await Wait.ForAsync(
            async () => new SeenRows(await ServerRows(host)),
            rows => rows.Rows.Any(condition),
            what + " within a second",
            TimeSpan.FromSeconds(1),
            TimeSpan.FromMilliseconds(20));
        Output.WriteLine($"{what}: {watch.Elapsed.TotalMilliseconds:F0} ms");
        return seen.Rows.First(condition);
    }

    /// <summary>A server's rows as a timeout message shows them.</summary>
    private sealed record SeenRows(List<WorkerStatus> Rows)
    {
        public override string ToString() => "rows: " + string.Join("; ", Rows.Select(r =>
            $"{r.WorkerId} {r.State} task={r.CurrentTaskId} {r.ProgressPercent}% processed={r.Processed} failed={r.Failed} last={r.LastTaskId}"));
    }

    [EngineFact]
    public async Task Delete_CancelsTheRunningCall_AtOnceInThisProcess()
    {
        var host = await HostAsync();
        var handle = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Block("delete", null!, default));
        await Probe.Signal(Probe.Started, "delete").Task.WaitAsync(TimeSpan.FromSeconds(20));

        var watch = Stopwatch.StartNew();
        Assert.True(await host.Queue.DeleteAsync(handle));
        await Probe.Signal(Probe.Cancelled, "delete").Task.WaitAsync(TimeSpan.FromSeconds(10));
        Output.WriteLine($"delete → cancel in this process: {watch.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");

        var task = await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Deleted);
        Assert.Equal("Deleted by user", task.Reason);
        Assert.Equal(1, task.Attempt);
        Assert.False(await host.Queue.DeleteAsync(handle));
        await Task.Delay(500);
        Assert.Equal(QueuedTaskState.Deleted, (await host.Queue.GetAsync(handle))!.State);
    }

    [EngineFact]
    public Task Delete_ByAnotherProcess_CancelsWithinOneSecondCheckInterval() => MeasureRemoteDeleteAsync(TimeSpan.FromSeconds(1));

    [EngineFact]
    public Task Delete_ByAnotherProcess_CancelsWithinTheDefaultCheckInterval() => MeasureRemoteDeleteAsync(new BackgroundJobServerOptions().CancellationCheckInterval);

    /// <summary>
    /// Another process deletes the job through Hangfire's own client (this process's map of running calls is not
    /// involved): the running method's token is cancelled by the server's cancellation check.
    /// </summary>
    private async Task MeasureRemoteDeleteAsync(TimeSpan checkInterval)
    {
        var host = await HostAsync(server: o => o.CancellationCheckInterval = checkInterval);
        var handle = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Block("remote", null!, default));
        await Probe.Signal(Probe.Started, "remote").Task.WaitAsync(TimeSpan.FromSeconds(20));

        var watch = Stopwatch.StartNew();
        Assert.True(new BackgroundJobClient(host.Storage).Delete(JobId(handle)));
        await Probe.Signal(Probe.Cancelled, "remote").Task.WaitAsync(checkInterval + TimeSpan.FromSeconds(10));
        Output.WriteLine($"{GetType().Name}: delete by another client → cancel with CancellationCheckInterval {checkInterval.TotalSeconds} s: {watch.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(watch.Elapsed < checkInterval + TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal(QueuedTaskState.Deleted, (await host.Queue.GetAsync(handle))!.State);
    }

    [EngineFact]
    public async Task Retry_RunsAFailedTaskAgain_WithAttemptsReset()
    {
        Probe.FailuresLeft["retry"] = 1;
        var host = await HostAsync();
        var handle = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Flaky("retry"), new EnqueueOptions { MaxAttempts = 1 });
        var failed = await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Failed);
        Assert.Equal(1, failed.Attempt);

        Assert.True(await host.Queue.RetryAsync(handle));
        var task = await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Succeeded);
        Assert.Equal(1, task.Attempt);
        Assert.Contains("retry", Text(task.Result));
        Assert.Equal(2, Probe.RunCount("Flaky retry"));
        Assert.Contains(await host.Queue.GetHistoryAsync(handle), h => h.State == QueuedTaskState.Enqueued && h.Reason == "Retried by user");
    }

    [EngineFact]
    public async Task IdempotencyKey_SameRequestGetsTheSameTask_AnotherRequestConflicts()
    {
        var host = await HostAsync();
        var options = new EnqueueOptions { IdempotencyKey = "order-42" };
        var first = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(1, 1), options);
        var again = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(1, 1), options);
        Assert.Equal(first, again);

        var conflict = await Assert.ThrowsAsync<IdempotencyKeyConflictException>(() => host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(1, 2), options));
        Assert.Equal("order-42", conflict.Key);
        var other = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(1, 1), new EnqueueOptions { IdempotencyKey = "order-43" });
        Assert.NotEqual(first, other);

        var task = await Wait.ForStateAsync(host.Queue, first, QueuedTaskState.Succeeded);
        Assert.Equal("order-42", task.IdempotencyKey);
        await Wait.ForStateAsync(host.Queue, other, QueuedTaskState.Succeeded);
        Assert.Equal(first, await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(1, 1), options));
        Assert.Equal(2, Probe.RunCount("Add 1 1"));
    }

    [EngineFact]
    public async Task ForgedHandle_RightJobIdWrongSecret_ReadsAsNothing()
    {
        var host = await HostAsync();
        var handle = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(4, 5));
        await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Succeeded);
        var jobId = JobId(handle);

        foreach (var forged in new[] { TaskHandle.Format(jobId, TaskHandle.NewSecret()), jobId, "abc-" + TaskHandle.NewSecret(), "987654-" + TaskHandle.NewSecret(), "", "-" })
        {
            Assert.Null(await host.Queue.GetAsync(forged));
            Assert.Empty(await host.Queue.GetHistoryAsync(forged));
            Assert.False(await host.Queue.RetryAsync(forged));
            Assert.False(await host.Queue.DeleteAsync(forged));
        }

        Assert.Equal(QueuedTaskState.Succeeded, (await host.Queue.GetAsync(handle))!.State);
    }

    [EngineFact]
    public async Task Recurring_AddListTriggerRemove()
    {
        var host = await HostAsync();
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        await host.Queue.AddOrUpdateRecurringAsync<QueueTestService>(
            "every-2s", s => s.Add(7, 8), "*/2 * * * * *", new RecurringOptions { Queue = "other", TimeZone = berlin });

        var recurring = Assert.Single(await host.Monitor.ListRecurringAsync());
        Assert.Equal(("every-2s", "*/2 * * * * *", "other", "QueueTestService.Add(7, 8)"), (recurring.Id, recurring.Cron, recurring.Queue, recurring.Display));
        Assert.Equal(("QueueTestService", "Add", berlin.Id), (recurring.Service, recurring.Operation, recurring.TimeZone));
        Assert.NotNull(recurring.NextRunAt);

        var triggered = await Wait.ForAsync(
            () => host.Monitor.ListRecurringAsync(), l => l.Single().LastTaskId is not null, "an occurrence", TimeSpan.FromSeconds(20));
        var occurrence = triggered.Single().LastTaskId!;
        var task = await Wait.ForStateAsync(host.Queue, occurrence, QueuedTaskState.Succeeded);
        Assert.Contains(">15<", Text(task.Result));
        Assert.Equal(("QueueTestService.Add(7, 8)", "other"), (task.Display, task.Queue));
        Assert.All(Probe.Seen.Where(s => s.TaskId == occurrence), s => Assert.Equal("other", s.Queue));

        Assert.True(await host.Queue.RemoveRecurringAsync("every-2s"));
        Assert.Empty(await host.Monitor.ListRecurringAsync());
        Assert.False(await host.Queue.RemoveRecurringAsync("every-2s"));

        // Each occurrence has its own secret.
        var handles = (await host.Monitor.ListAsync(null, null, 0, 50)).Where(t => t.Display == "QueueTestService.Add(7, 8)").Select(t => t.Id).ToList();
        Assert.Equal(handles.Count, handles.Select(h => h[(h.LastIndexOf('-') + 1)..]).Distinct().Count());
    }

    [EngineFact]
    public async Task QueueAndSchedule_AreKept_ThroughRetries()
    {
        Probe.FailuresLeft["route"] = 1;
        var host = await HostAsync();
        var handle = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Flaky("route"), new EnqueueOptions { Queue = "other" });
        var delayed = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(6, 6), new EnqueueOptions { Delay = TimeSpan.FromSeconds(2), Queue = "other" });

        var scheduled = (await host.Queue.GetAsync(delayed))!;
        Assert.Equal(QueuedTaskState.Scheduled, scheduled.State);
        Assert.NotNull(scheduled.NotBefore);
        Assert.Equal(0, scheduled.Attempt);

        var task = await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Succeeded, TimeSpan.FromSeconds(30));
        Assert.Equal(("other", 2), (task.Queue, task.Attempt));
        Assert.All(Probe.Seen.Where(s => s.TaskId == handle), s => Assert.Equal("other", s.Queue));
        var details = host.Storage.GetMonitoringApi().JobDetails(JobId(handle));
        var enqueuedStates = details.History.Where(h => h.StateName == "Enqueued").ToList();
        Assert.Equal(2, enqueuedStates.Count);
        Assert.All(enqueuedStates, h => Assert.Equal("other", h.Data["Queue"]));

        var ran = await Wait.ForStateAsync(host.Queue, delayed, QueuedTaskState.Succeeded, TimeSpan.FromSeconds(30));
        // Hangfire keeps schedules to the second.
        Assert.True(ran.StartedAt >= scheduled.NotBefore!.Value.AddSeconds(-1), $"started {ran.StartedAt:O}, not before {scheduled.NotBefore:O}");
        Assert.Contains(await host.Monitor.ListAsync(null, "other", 0, 10), t => t.Id == delayed);
    }
}
