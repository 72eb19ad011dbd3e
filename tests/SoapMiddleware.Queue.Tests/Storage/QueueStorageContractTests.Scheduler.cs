using Microsoft.Extensions.Logging;
using SoapMiddleware.Queue.Builtin;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Storage;

public abstract partial class QueueStorageContractTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    [StorageFact]
    public async Task RecurringScheduler_TwoProcesses_OneTaskPerDueOccurrence_MissedOnesCollapse()
    {
        // The fake clock starts at 12:00; the call runs every five minutes from 12:05.
        var start = Time.GetUtcNow();
        var row = Recurring("report", start.AddMinutes(5));
        await Storage.Recurring.UpsertRecurringAsync(row);
        await using var schedulers = new SchedulerRun(Time, [CreateStorage(Time), CreateStorage(Time)]);
        await schedulers.ParkedAsync();
        Assert.Empty(await Storage.Monitoring.ListAsync(null, null, 0, 10));

        await schedulers.TickAtAsync(start.AddMinutes(5));
        var first = Assert.Single(await Storage.Monitoring.ListAsync(null, null, 0, 10));
        var afterFirst = Assert.Single(await Storage.Recurring.ListRecurringAsync());
        Assert.Equal((start.AddMinutes(10), start.AddMinutes(5), first.Id), (afterFirst.NextRunAt, afterFirst.LastRunAt, afterFirst.LastTaskId));
        Assert.Equal(("reports", "Calculator.Report(\"report\")", 4), (first.Queue, first.Display, first.MaxAttempts));
        Assert.Equal(row.Call.Payload, (await Storage.Tasks.GetAsync(RowIdOf(first)))!.Payload);

        await schedulers.TickAtAsync(start.AddMinutes(7));
        Assert.Single(await Storage.Monitoring.ListAsync(null, null, 0, 10));

        // Nothing ran from 12:07 to 13:02: eleven occurrences were missed, and they make one task, not eleven.
        await schedulers.TickAtAsync(start.AddMinutes(62));
        Assert.Equal(2, (await Storage.Monitoring.ListAsync(null, null, 0, 10)).Count);
        Assert.Equal(start.AddMinutes(65), Assert.Single(await Storage.Recurring.ListRecurringAsync()).NextRunAt);

        await schedulers.TickAtAsync(start.AddMinutes(65));
        Assert.Equal(3, (await Storage.Monitoring.ListAsync(null, null, 0, 10)).Count);

        await schedulers.StopAsync();
        Assert.DoesNotContain(schedulers.Logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Equal(3, schedulers.Logger.Entries.Count(e => e.EventId == 542));
    }

    [StorageFact]
    public async Task RecurringScheduler_UnreadableSchedule_IsSkippedAndLogged_OthersStillRun()
    {
        var start = Time.GetUtcNow();
        await Storage.Recurring.UpsertRecurringAsync(Recurring("bad-zone", start.AddMinutes(5), timeZone: "Nowhere/Atlantis"));
        await Storage.Recurring.UpsertRecurringAsync(Recurring("good", start.AddMinutes(5)));
        await using var scheduler = new SchedulerRun(Time, [Storage]);
        await scheduler.ParkedAsync();

        await scheduler.TickAtAsync(start.AddMinutes(5));

        var task = Assert.Single(await Storage.Monitoring.ListAsync(null, null, 0, 10));
        Assert.Equal("Calculator.Report(\"good\")", task.Display);
        Assert.Contains(scheduler.Logger.Entries, e => e.EventId == 541 && e.Message.Contains("bad-zone", StringComparison.Ordinal));
        Assert.Equal(start.AddMinutes(5), (await Storage.Recurring.ListRecurringAsync()).Single(r => r.Id == "bad-zone").NextRunAt);
    }

    [StorageFact]
    public async Task RecurringScheduler_StorageFailure_IsLoggedAndRetriedNextTick()
    {
        // A store whose schema does not exist yet: every call fails until it is initialized.
        var start = Time.GetUtcNow();
        var broken = CreateStorage(Time, "late");
        await using var scheduler = new SchedulerRun(Time, [broken]);
        await scheduler.ParkedAsync();
        Assert.Contains(scheduler.Logger.Entries, e => e.EventId == 540 && e.Exception is not null);

        await broken.InitializeAsync();
        await broken.Recurring.UpsertRecurringAsync(Recurring("report", start.AddMinutes(5)));
        await scheduler.TickAtAsync(start.AddMinutes(5));

        Assert.Single(await broken.Monitoring.ListAsync(null, null, 0, 10));
        Assert.False(scheduler.Faulted);
    }

    /// <summary>
    /// Recurring schedulers running on the fake clock. A scheduler parked in its poll delay holds one fake timer, so
    /// "every scheduler holds a timer again" means every tick started by moving the clock has finished.
    /// </summary>
    private sealed class SchedulerRun : IAsyncDisposable
    {
        private readonly FakeTimeProvider _time;
        private readonly TimerCountingTimeProvider _timers;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task[] _runs;

        public SchedulerRun(FakeTimeProvider time, IReadOnlyList<IQueueStorage> storages)
        {
            _time = time;
            _timers = new TimerCountingTimeProvider(time);
            _runs = storages.Select(s => Task.Run(() => new RecurringScheduler(s.Recurring, _timers, Logger, Poll).RunAsync(_stop.Token))).ToArray();
        }

        public ListLogger Logger { get; } = new();

        public bool Faulted => _runs.Any(r => r.IsFaulted);

        public Task ParkedAsync() => Wait.UntilAsync(
            () =>
            {
                if (_timers.PendingTimers >= _runs.Length)
                {
                    return Task.FromResult(true);
                }

                Assert.False(_runs.Any(r => r.IsCompleted), "a scheduler loop ended");
                return Task.FromResult(false);
            },
            "the schedulers to park in their poll delay",
            TimeSpan.FromSeconds(20),
            TimeSpan.FromMilliseconds(10));

        public async Task TickAtAsync(DateTimeOffset at)
        {
            await ParkedAsync();
            _time.SetUtcNow(at);
            await ParkedAsync();
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();

            // Cancellation ends the loops quietly: they complete, neither faulted nor cancelled.
            await Task.WhenAll(_runs).WaitAsync(TimeSpan.FromSeconds(10));
        }

        public async ValueTask DisposeAsync()
        {
            if (!_stop.IsCancellationRequested)
            {
                await StopAsync();
            }

            _stop.Dispose();
        }
    }
}
