using System.Text;
using System.Text.RegularExpressions;
using SoapMiddleware.Queue;

namespace SoapMiddleware.EngineContract;

/// <summary>
/// The engine surface, written once: every engine (built-in on SQLite and PostgreSQL, Hangfire on its storages) must
/// pass it through <see cref="IRpcQueue"/> and <see cref="IRpcQueueMonitor"/> alone.
/// </summary>
public abstract partial class EngineContractTests : IAsyncLifetime
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private IEngineHost? _host;

    protected EngineProbe Probe { get; } = new();

    /// <summary>Why this engine cannot run here (no server configured), or null.</summary>
    protected virtual string? SkipReason => null;

    /// <summary>The engine's name as <see cref="IRpcQueueMonitor.Engine"/> reports it.</summary>
    protected abstract string EngineName { get; }

    protected IRpcQueue Queue => _host!.Queue;

    protected IRpcQueueMonitor Monitor => _host!.Monitor;

    protected abstract Task<IEngineHost> StartHostAsync(EngineProbe probe);

    public async Task InitializeAsync()
    {
        if (SkipReason is null)
        {
            _host = await StartHostAsync(Probe);
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await CleanupAsync();
    }

    /// <summary>Removes what the subclass created for its engine (files, schemas), after the host stopped.</summary>
    protected virtual Task CleanupAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task TypedCall_Succeeds_WithResultDisplayHistoryAndQueueTransport()
    {
        Skip.If(SkipReason is not null, SkipReason);

        var handle = await Queue.EnqueueAsync<EngineTestService>(s => s.Add(2, 3, null!));
        var task = await WaitForStateAsync(handle, QueuedTaskState.Succeeded);

        Assert.Equal(EngineName, Monitor.Engine);
        Assert.Equal(EngineName, task.Engine);
        Assert.Equal(TaskOutcome.Succeeded, task.Outcome);
        Assert.Equal(handle, task.Id);
        Assert.Contains(">5</", Encoding.UTF8.GetString(task.Result!));
        Assert.Equal("EngineTestService.Add(2, 3)", task.Display);
        Assert.Equal("Add", task.Operation);
        Assert.Equal(1, task.Attempt);
        var history = await Queue.GetHistoryAsync(handle);
        Assert.Equal(QueuedTaskState.Succeeded, history[^1].State);
        Assert.Contains(history, h => h.State == QueuedTaskState.Processing);
        var transport = Assert.Single(Probe.Transports, t => t.TaskId == handle);
        Assert.Equal(EngineName, transport.Engine);
        Assert.False(string.IsNullOrEmpty(transport.WorkerId));
    }

    [SkippableFact]
    public async Task Handle_IsUnguessable_AForgedOneReadsAsNoTask()
    {
        Skip.If(SkipReason is not null, SkipReason);

        var handle = await Queue.EnqueueAsync<EngineTestService>(s => s.Add(1, 1, null!));
        await WaitForStateAsync(handle, QueuedTaskState.Succeeded);

        var match = Regex.Match(handle, "^(?<id>.+)-(?<secret>[0-9a-f]{32})$");
        Assert.True(match.Success, handle);
        var engineId = match.Groups["id"].Value;
        var other = await Queue.EnqueueAsync<EngineTestService>(s => s.Add(1, 2, null!));
        Assert.NotEqual(match.Groups["secret"].Value, other[^32..]);
        foreach (var forged in new[] { engineId, engineId + "-" + new string('0', 32), engineId + "-" + other[^32..], handle.ToUpperInvariant(), handle + "0" })
        {
            Assert.Null(await Queue.GetAsync(forged));
            Assert.Empty(await Queue.GetHistoryAsync(forged));
            Assert.False(await Queue.DeleteAsync(forged));
            Assert.False(await Queue.RetryAsync(forged));
        }

        Assert.NotNull(await Queue.GetAsync(handle));
    }

    [SkippableFact]
    public async Task ClientFault_FailedAfterOneAttempt_WithItsFault()
    {
        Skip.If(SkipReason is not null, SkipReason);

        var handle = await Queue.EnqueueAsync<EngineTestService>(s => s.Divide(1, 0));
        var task = await WaitForStateAsync(handle, QueuedTaskState.Failed);
        await Task.Delay(1500);

        Assert.Equal(QueuedTaskState.Failed, (await Queue.GetAsync(handle))!.State);
        Assert.Equal(1, Probe.RunCount("Divide 1 0"));
        Assert.Contains("Division by zero.", Encoding.UTF8.GetString(task.Fault!));
        Assert.Contains("not retried", task.Reason);
        Assert.Equal(TaskOutcome.Rejected, task.Outcome);
    }

    [SkippableFact]
    public async Task PoisonPayload_FailedAtOnce_NeverRetried()
    {
        Skip.If(SkipReason is not null, SkipReason);

        var handle = await Queue.EnqueueRequestAsync(Encoding.UTF8.GetBytes("this is <not xml"), "text/xml; charset=utf-8", null);
        var task = await WaitForStateAsync(handle, QueuedTaskState.Failed);

        Assert.Contains("not well-formed", Encoding.UTF8.GetString(task.Fault!));
        Assert.Contains("not retried", task.Reason);
        Assert.Equal(TaskOutcome.Rejected, task.Outcome);
    }

    [SkippableFact]
    public async Task ServerFault_RetriedByTheEngine_UntilMaxAttempts_WithoutLeakingTheException()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Probe.FailuresLeft["always"] = 100;

        var handle = await Queue.EnqueueAsync<EngineTestService>(s => s.Flaky("always"), new EnqueueOptions { MaxAttempts = 2 });
        var task = await WaitForStateAsync(handle, QueuedTaskState.Failed);

        Assert.Equal(2, Probe.RunCount("Flaky always"));
        Assert.Equal(2, task.Attempt);
        var history = await Queue.GetHistoryAsync(handle);
        var everything = string.Join("\n", history.Select(h => h.Reason)) + task.Reason + Encoding.UTF8.GetString(task.Fault ?? []);
        Assert.DoesNotContain("/etc/secret.conf", everything);
        Assert.DoesNotContain("app_rw", everything);
    }

    [SkippableFact]
    public async Task ServerFault_ThenSuccess_SucceedsOnTheSecondAttempt()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Probe.FailuresLeft["once"] = 1;

        var handle = await Queue.EnqueueAsync<EngineTestService>(s => s.Flaky("once"));
        var task = await WaitForStateAsync(handle, QueuedTaskState.Succeeded);

        Assert.Equal(2, Probe.RunCount("Flaky once"));
        Assert.Equal(2, task.Attempt);
    }

    [SkippableFact]
    public async Task Progress_VisibleOnTheTaskAndItsWorker_WhileItRuns()
    {
        Skip.If(SkipReason is not null, SkipReason);

        var handle = await Queue.EnqueueAsync<EngineTestService>(s => s.Block("progress", null!, default));
        await Probe.Signal(Probe.Started, "progress").Task.WaitAsync(Patience);

        var task = await Wait.ForAsync(async () => await Queue.GetAsync(handle) is { ProgressPercent: 50 } t ? t : null, "the task at 50%", Patience);
        Assert.Equal("half way", task.ProgressMessage);
        Assert.Equal(QueuedTaskState.Processing, task.State);
        var worker = await Wait.ForAsync(async () => (await Monitor.GetWorkersAsync()).FirstOrDefault(w => w.CurrentTaskId == handle), "the row of the worker running the task", Patience);
        Assert.Equal(WorkerState.Processing, worker.State);
        Assert.Contains("Block", worker.CurrentOperation);

        Probe.Signal(Probe.Release, "progress").TrySetResult();
        await WaitForStateAsync(handle, QueuedTaskState.Succeeded);
    }

    [SkippableFact]
    public async Task DeleteRunningTask_CancelsTheMethod_TaskDeleted()
    {
        Skip.If(SkipReason is not null, SkipReason);

        var handle = await Queue.EnqueueAsync<EngineTestService>(s => s.Block("delete", null!, default));
        await Probe.Signal(Probe.Started, "delete").Task.WaitAsync(Patience);

        Assert.True(await Queue.DeleteAsync(handle));

        await Probe.Signal(Probe.Cancelled, "delete").Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(500);
        Assert.Equal(QueuedTaskState.Deleted, (await Queue.GetAsync(handle))!.State);
    }

    [SkippableFact]
    public async Task RetryAFailedTask_RunsItAgain()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Probe.FailuresLeft["r"] = 1;

        var handle = await Queue.EnqueueAsync<EngineTestService>(s => s.RefusedOnce("r"));
        await WaitForStateAsync(handle, QueuedTaskState.Failed);

        Assert.True(await Queue.RetryAsync(handle));
        var task = await WaitForStateAsync(handle, QueuedTaskState.Succeeded);

        Assert.Equal(2, Probe.RunCount("RefusedOnce r"));
        Assert.Contains(">r</", Encoding.UTF8.GetString(task.Result!));
    }

    [SkippableFact]
    public async Task IdempotencyKey_SameRequestSameTask_AnotherRequestConflict()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var key = "order-" + Guid.NewGuid().ToString("N");

        var first = await Queue.EnqueueAsync<EngineTestService>(s => s.Add(7, 7, null!), new EnqueueOptions { IdempotencyKey = key });
        var second = await Queue.EnqueueAsync<EngineTestService>(s => s.Add(7, 7, null!), new EnqueueOptions { IdempotencyKey = key });
        var conflict = await Assert.ThrowsAsync<IdempotencyKeyConflictException>(
            () => Queue.EnqueueAsync<EngineTestService>(s => s.Add(7, 8, null!), new EnqueueOptions { IdempotencyKey = key }));

        Assert.Equal(first, second);
        Assert.DoesNotContain(first, conflict.Message);
        await WaitForStateAsync(first, QueuedTaskState.Succeeded);
        await Task.Delay(500);
        Assert.Equal(1, Probe.RunCount("Add 7 7"));
        Assert.Equal(0, Probe.RunCount("Add 7 8"));
    }

    [SkippableFact]
    public async Task DelayedCall_ScheduledFirst_ThenRuns()
    {
        Skip.If(SkipReason is not null, SkipReason);

        var handle = await Queue.EnqueueAsync<EngineTestService>(s => s.Add(4, 4, null!), new EnqueueOptions { Delay = TimeSpan.FromSeconds(2) });

        Assert.Equal(QueuedTaskState.Scheduled, (await Queue.GetAsync(handle))!.State);
        Assert.Equal(0, Probe.RunCount("Add 4 4"));
        await WaitForStateAsync(handle, QueuedTaskState.Succeeded);
    }

    [SkippableFact]
    public async Task RecurringCall_ListedTriggersAndRemoved()
    {
        Skip.If(SkipReason is not null, SkipReason);

        await Queue.AddOrUpdateRecurringAsync<EngineTestService>("every-second", s => s.Add(9, 9, null!), "* * * * * *");

        var listed = Assert.Single(await Monitor.ListRecurringAsync(), r => r.Id == "every-second");
        Assert.Equal("* * * * * *", listed.Cron);
        Assert.Equal("EngineTestService.Add(9, 9)", listed.Display);
        await Wait.UntilAsync(() => Task.FromResult(Probe.RunCount("Add 9 9") > 0), "a run of the recurring call", Patience);
        Assert.True(await Queue.RemoveRecurringAsync("every-second"));
        Assert.DoesNotContain(await Monitor.ListRecurringAsync(), r => r.Id == "every-second");
        Assert.False(await Queue.RemoveRecurringAsync("every-second"));
        await Assert.ThrowsAsync<ArgumentException>(() => Queue.AddOrUpdateRecurringAsync<EngineTestService>("bad", s => s.Add(1, 1, null!), "not a cron"));
    }

    [SkippableFact]
    public async Task StatsAndLists_ShowTheTask()
    {
        Skip.If(SkipReason is not null, SkipReason);

        var handle = await Queue.EnqueueAsync<EngineTestService>(s => s.Add(5, 6, null!));
        await WaitForStateAsync(handle, QueuedTaskState.Succeeded);

        var stats = await Monitor.GetStatsAsync();
        Assert.True(stats.Count(QueuedTaskState.Succeeded) >= 1);
        var listed = Assert.Single(await Monitor.ListAsync(QueuedTaskState.Succeeded, null, 0, 100), t => t.Id == handle);
        Assert.Equal("EngineTestService.Add(5, 6)", listed.Display);
        Assert.DoesNotContain(await Monitor.ListAsync(QueuedTaskState.Failed, null, 0, 100), t => t.Id == handle);
        Assert.Contains(await Monitor.ListAsync(null, null, 0, 100), t => t.Id == handle);
        Assert.True((await Monitor.GetWorkersAsync()).Count >= 2);
    }

    protected Task<QueuedTaskInfo> WaitForStateAsync(string handle, QueuedTaskState state)
        => Wait.ForStateAsync(Queue, handle, state, Patience);
}
