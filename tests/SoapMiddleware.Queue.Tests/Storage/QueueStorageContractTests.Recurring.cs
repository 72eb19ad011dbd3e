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
        Queue = "reports",
        Service = "Calculator",
        Operation = "Report",
        Display = $"Calculator.Report(\"{id}\")",
        ContentType = "text/xml; charset=utf-8",
        Action = "urn:report",
        Payload = Encoding.UTF8.GetBytes($"<report id='{id}'/>"),
        MaxAttempts = 4,
        NextRunAt = nextRunAt ?? Time.GetUtcNow().AddMinutes(5),
    };

    private static NewQueuedTask Occurrence(RecurringRow row) => new()
    {
        Queue = row.Queue,
        Service = row.Service,
        Operation = row.Operation,
        Display = row.Display,
        ContentType = row.ContentType,
        Action = row.Action,
        Payload = row.Payload,
        MaxAttempts = row.MaxAttempts,
    };

    [StorageFact]
    public async Task Recurring_UpsertListRemove_ReplacingKeepsTheLastRun()
    {
        var b = Recurring("b");
        await Storage.UpsertRecurringAsync(b);
        await Storage.UpsertRecurringAsync(Recurring("a", cron: "0 * * * *", timeZone: "Europe/Paris") with { Action = null, NextRunAt = null });

        var listed = await Storage.ListRecurringAsync();

        Assert.Equal(["a", "b"], listed.Select(r => r.Id));
        Assert.Equal(("0 * * * *", "Europe/Paris", null, null), (listed[0].Cron, listed[0].TimeZone, listed[0].Action, listed[0].NextRunAt));
        Assert.Equal(b, listed[1] with { Payload = b.Payload });
        Assert.Equal(b.Payload, listed[1].Payload);

        var taskId = await Storage.TriggerRecurringAsync("b", b.NextRunAt!.Value, b.NextRunAt.Value.AddMinutes(5), Occurrence(b));
        var handle = (await GetAsync(Assert.NotNull(taskId))).Id;
        var ran = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromMinutes(1));
        await Storage.UpsertRecurringAsync(Recurring("b", cron: "*/10 * * * *") with { Queue = "other", Payload = "<new/>"u8.ToArray(), NextRunAt = Time.GetUtcNow().AddMinutes(9) });

        var replaced = (await Storage.ListRecurringAsync())[1];
        Assert.Equal(("*/10 * * * *", "other", Time.GetUtcNow().AddMinutes(9)), (replaced.Cron, replaced.Queue, replaced.NextRunAt));
        Assert.Equal("<new/>"u8.ToArray(), replaced.Payload);
        Assert.Equal((ran, handle), (replaced.LastRunAt, replaced.LastTaskId));

        Assert.True(await Storage.RemoveRecurringAsync("a"));
        Assert.False(await Storage.RemoveRecurringAsync("a"));
        Assert.False(await Storage.RemoveRecurringAsync("missing"));
        Assert.Equal(["b"], (await Storage.ListRecurringAsync()).Select(r => r.Id));
    }

    [StorageFact]
    public async Task Recurring_GetDue_OnlyRowsDueAtOrBeforeNow_OldestFirst_UpToMax()
    {
        var now = Time.GetUtcNow();
        await Storage.UpsertRecurringAsync(Recurring("late", now.AddMinutes(-1)));
        await Storage.UpsertRecurringAsync(Recurring("exact", now));
        await Storage.UpsertRecurringAsync(Recurring("oldest", now.AddHours(-3)));
        await Storage.UpsertRecurringAsync(Recurring("future", now.AddMilliseconds(1)));
        await Storage.UpsertRecurringAsync(Recurring("finished") with { NextRunAt = null });

        var due = await Storage.GetDueRecurringAsync(now, 10);
        var firstTwo = await Storage.GetDueRecurringAsync(now, 2);

        Assert.Equal(["oldest", "late", "exact"], due.Select(r => r.Id));
        Assert.Equal(["oldest", "late"], firstTwo.Select(r => r.Id));
        Assert.Equal("<report id='late'/>"u8.ToArray(), due[1].Payload);
        Assert.Equal(["oldest", "late", "exact", "future"], (await Storage.GetDueRecurringAsync(now.AddMinutes(1), 10)).Select(r => r.Id));
    }

    [StorageFact]
    public async Task Recurring_Trigger_EnqueuesTheOccurrenceOnce_AndMovesTheRow()
    {
        var row = Recurring("report");
        await Storage.UpsertRecurringAsync(row);
        Time.Advance(TimeSpan.FromMinutes(6));
        var next = row.NextRunAt!.Value.AddMinutes(5);
        var occurrence = Occurrence(row);
        var waiting = Storage.WaitForWorkAsync(["reports"], TimeSpan.FromSeconds(30));

        var taskId = await Storage.TriggerRecurringAsync("report", row.NextRunAt.Value, next, occurrence);

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        var info = await GetAsync(Assert.NotNull(taskId));
        Assert.Equal(TaskHandle.Format(taskId.Value, occurrence.Secret), info.Id);
        Assert.Equal((QueuedTaskState.Enqueued, "reports", "Calculator", "Report"), (info.State, info.Queue, info.Service, info.Operation));
        Assert.Equal(("Calculator.Report(\"report\")", "urn:report", 4), (info.Display, info.Action, info.MaxAttempts));
        Assert.Equal(row.Payload, info.Payload);
        Assert.Equal((QueuedTaskState.Enqueued, "Enqueued"), ((await LastHistoryAsync(taskId.Value)).State, (await LastHistoryAsync(taskId.Value)).Reason));
        var moved = Assert.Single(await Storage.ListRecurringAsync());
        Assert.Equal((next, Time.GetUtcNow(), info.Id), (moved.NextRunAt, moved.LastRunAt, moved.LastTaskId));

        // The same occurrence again (a slower process): nothing is written.
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await Storage.TriggerRecurringAsync("report", row.NextRunAt.Value, next.AddMinutes(5), Occurrence(row)));
        Assert.Null(await Storage.TriggerRecurringAsync("missing", row.NextRunAt.Value, next, Occurrence(row)));
        Assert.Equal(moved, Assert.Single(await Storage.ListRecurringAsync()) with { Payload = moved.Payload });
        Assert.Single(await Storage.ListAsync(null, null, 0, 10));
        Assert.Empty(await Storage.GetDueRecurringAsync(Time.GetUtcNow(), 10));
    }

    [StorageFact]
    public async Task Recurring_Trigger_WithoutNextRun_IsNeverDueAgain()
    {
        var row = Recurring("once", Time.GetUtcNow());
        await Storage.UpsertRecurringAsync(row);

        Assert.NotNull(await Storage.TriggerRecurringAsync("once", row.NextRunAt!.Value, null, Occurrence(row)));

        Assert.Empty(await Storage.GetDueRecurringAsync(Time.GetUtcNow().AddYears(10), 10));
        Assert.Null(Assert.Single(await Storage.ListRecurringAsync()).NextRunAt);
    }

    [StorageFact]
    public async Task Recurring_Trigger_ConcurrentlyFromSeveralInstances_EnqueuesExactlyOneTask()
    {
        var row = Recurring("report", Time.GetUtcNow());
        await Storage.UpsertRecurringAsync(row);
        var instances = Enumerable.Range(0, 8).Select(_ => CreateStorage(Time)).ToList();
        using var start = new ManualResetEventSlim();

        var calls = instances.Select(storage => Task.Run(async () =>
        {
            start.Wait();
            return await storage.TriggerRecurringAsync("report", row.NextRunAt!.Value, row.NextRunAt.Value.AddMinutes(5), Occurrence(row));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(calls);

        var taskId = Assert.Single(results, r => r is not null);
        var task = Assert.Single(await Storage.ListAsync(null, null, 0, 100));
        Assert.Equal(taskId, task.RowId);
        Assert.Equal(task.Id, Assert.Single(await Storage.ListRecurringAsync()).LastTaskId);
        Assert.Single(await Storage.GetHistoryAsync(task.RowId));
    }
}
