using System.Text;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Storage;

public abstract partial class QueueStorageContractTests
{
    private RecurringRow Recurring(string id, DateTimeOffset? nextRunAt = null, string cron = "*/5 * * * *", string timeZone = "UTC") => new()
    {
        Id = id,
        Cron = cron,
        TimeZone = timeZone,
        Call = new QueuedCall
        {
            Queue = "reports",
            Service = "Calculator",
            Operation = "Report",
            Display = $"Calculator.Report(\"{id}\")",
            ContentType = "text/xml; charset=utf-8",
            Action = "urn:report",
            Payload = Encoding.UTF8.GetBytes($"<report id='{id}'/>"),
            MaxAttempts = 4,
        },
        NextRunAt = nextRunAt ?? Time.GetUtcNow().AddMinutes(5),
    };

    private static NewQueuedTask Occurrence(RecurringRow row) => new() { Call = row.Call };

    /// <summary>The row with its call changed (records compare payloads by reference: tests put the expected bytes in).</summary>
    private static RecurringRow WithCall(RecurringRow row, Func<QueuedCall, QueuedCall> change) => row with { Call = change(row.Call) };

    [StorageFact]
    public async Task Recurring_UpsertListRemove_ReplacingKeepsTheLastRun()
    {
        var b = Recurring("b");
        await Storage.Recurring.UpsertRecurringAsync(b);
        await Storage.Recurring.UpsertRecurringAsync(WithCall(Recurring("a", cron: "0 * * * *", timeZone: "Europe/Paris"), c => c with { Action = null }) with { NextRunAt = null });

        var listed = await Storage.Recurring.ListRecurringAsync();

        Assert.Equal(["a", "b"], listed.Select(r => r.Id));
        Assert.Equal(("0 * * * *", "Europe/Paris", null, null), (listed[0].Cron, listed[0].TimeZone, listed[0].Call.Action, listed[0].NextRunAt));
        Assert.Equal(b, WithCall(listed[1], c => c with { Payload = b.Call.Payload }));
        Assert.Equal(b.Call.Payload, listed[1].Call.Payload);

        var taskId = await Storage.Recurring.TriggerRecurringAsync("b", b.NextRunAt!.Value, b.NextRunAt.Value.AddMinutes(5), Occurrence(b));
        var handle = (await GetAsync(Assert.NotNull(taskId))).Id;
        var ran = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromMinutes(1));
        await Storage.Recurring.UpsertRecurringAsync(WithCall(Recurring("b", cron: "*/10 * * * *"), c => c with { Queue = "other", Payload = "<new/>"u8.ToArray() }) with { NextRunAt = Time.GetUtcNow().AddMinutes(9) });

        var replaced = (await Storage.Recurring.ListRecurringAsync())[1];
        Assert.Equal(("*/10 * * * *", "other", Time.GetUtcNow().AddMinutes(9)), (replaced.Cron, replaced.Call.Queue, replaced.NextRunAt));
        Assert.Equal("<new/>"u8.ToArray(), replaced.Call.Payload);
        Assert.Equal((ran, handle), (replaced.LastRunAt, replaced.LastTaskId));

        Assert.True(await Storage.Recurring.RemoveRecurringAsync("a"));
        Assert.False(await Storage.Recurring.RemoveRecurringAsync("a"));
        Assert.False(await Storage.Recurring.RemoveRecurringAsync("missing"));
        Assert.Equal(["b"], (await Storage.Recurring.ListRecurringAsync()).Select(r => r.Id));
    }

    [StorageFact]
    public async Task Recurring_GetDue_OnlyRowsDueAtOrBeforeNow_OldestFirst_UpToMax()
    {
        var now = Time.GetUtcNow();
        await Storage.Recurring.UpsertRecurringAsync(Recurring("late", now.AddMinutes(-1)));
        await Storage.Recurring.UpsertRecurringAsync(Recurring("exact", now));
        await Storage.Recurring.UpsertRecurringAsync(Recurring("oldest", now.AddHours(-3)));
        await Storage.Recurring.UpsertRecurringAsync(Recurring("future", now.AddMilliseconds(1)));
        await Storage.Recurring.UpsertRecurringAsync(Recurring("finished") with { NextRunAt = null });

        var due = await Storage.Recurring.GetDueRecurringAsync(now, 10);
        var firstTwo = await Storage.Recurring.GetDueRecurringAsync(now, 2);

        Assert.Equal(["oldest", "late", "exact"], due.Select(r => r.Id));
        Assert.Equal(["oldest", "late"], firstTwo.Select(r => r.Id));
        Assert.Equal("<report id='late'/>"u8.ToArray(), due[1].Call.Payload);
        Assert.Equal(["oldest", "late", "exact", "future"], (await Storage.Recurring.GetDueRecurringAsync(now.AddMinutes(1), 10)).Select(r => r.Id));
    }

    [StorageFact]
    public async Task Recurring_Trigger_EnqueuesTheOccurrenceOnce_AndMovesTheRow()
    {
        var row = Recurring("report");
        await Storage.Recurring.UpsertRecurringAsync(row);
        Time.Advance(TimeSpan.FromMinutes(6));
        var next = row.NextRunAt!.Value.AddMinutes(5);
        var occurrence = Occurrence(row);
        var waiting = Storage.Queue.WaitForWorkAsync(["reports"], TimeSpan.FromSeconds(30));

        var taskId = await Storage.Recurring.TriggerRecurringAsync("report", row.NextRunAt.Value, next, occurrence);

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        var info = await GetAsync(Assert.NotNull(taskId));
        Assert.Equal(TaskHandle.Format(taskId.Value, occurrence.Secret), info.Id);
        Assert.Equal((QueuedTaskState.Enqueued, "reports", "Calculator", "Report"), (info.State, info.Queue, info.Service, info.Operation));
        Assert.Equal(("Calculator.Report(\"report\")", "urn:report", 4), (info.Display, info.Action, info.MaxAttempts));
        Assert.Equal(row.Call.Payload, info.Payload);
        Assert.Equal((QueuedTaskState.Enqueued, "Enqueued"), ((await LastHistoryAsync(taskId.Value)).State, (await LastHistoryAsync(taskId.Value)).Reason));
        var moved = Assert.Single(await Storage.Recurring.ListRecurringAsync());
        Assert.Equal((next, Time.GetUtcNow(), info.Id), (moved.NextRunAt, moved.LastRunAt, moved.LastTaskId));

        // The same occurrence again (a slower process): nothing is written.
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await Storage.Recurring.TriggerRecurringAsync("report", row.NextRunAt.Value, next.AddMinutes(5), Occurrence(row)));
        Assert.Null(await Storage.Recurring.TriggerRecurringAsync("missing", row.NextRunAt.Value, next, Occurrence(row)));
        Assert.Equal(moved, WithCall(Assert.Single(await Storage.Recurring.ListRecurringAsync()), c => c with { Payload = moved.Call.Payload }));
        Assert.Single(await Storage.Monitoring.ListAsync(null, null, 0, 10));
        Assert.Empty(await Storage.Recurring.GetDueRecurringAsync(Time.GetUtcNow(), 10));
    }

    [StorageFact]
    public async Task Recurring_Trigger_WithoutNextRun_IsNeverDueAgain()
    {
        var row = Recurring("once", Time.GetUtcNow());
        await Storage.Recurring.UpsertRecurringAsync(row);

        Assert.NotNull(await Storage.Recurring.TriggerRecurringAsync("once", row.NextRunAt!.Value, null, Occurrence(row)));

        Assert.Empty(await Storage.Recurring.GetDueRecurringAsync(Time.GetUtcNow().AddYears(10), 10));
        Assert.Null(Assert.Single(await Storage.Recurring.ListRecurringAsync()).NextRunAt);
    }

    [StorageFact]
    public async Task Recurring_Trigger_ConcurrentlyFromSeveralInstances_EnqueuesExactlyOneTask()
    {
        var row = Recurring("report", Time.GetUtcNow());
        await Storage.Recurring.UpsertRecurringAsync(row);
        var instances = Enumerable.Range(0, 8).Select(_ => CreateStorage(Time)).ToList();
        using var start = new ManualResetEventSlim();

        var calls = instances.Select(storage => Task.Run(async () =>
        {
            start.Wait();
            return await storage.Recurring.TriggerRecurringAsync("report", row.NextRunAt!.Value, row.NextRunAt.Value.AddMinutes(5), Occurrence(row));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(calls);

        var taskId = Assert.Single(results, r => r is not null);
        var task = Assert.Single(await Storage.Monitoring.ListAsync(null, null, 0, 100));
        Assert.Equal(taskId, RowIdOf(task));
        Assert.Equal(task.Id, Assert.Single(await Storage.Recurring.ListRecurringAsync()).LastTaskId);
        Assert.Single(await Storage.Tasks.GetHistoryAsync(RowIdOf(task)));
    }
}
