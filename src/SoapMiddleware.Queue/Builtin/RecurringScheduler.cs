using Microsoft.Extensions.Logging;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Builtin;

/// <summary>
/// Turns due recurring calls into tasks. Every worker process runs one; they need no coordination because each
/// occurrence is claimed by <see cref="IRecurringStore.TriggerRecurringAsync"/>, which enqueues it exactly once. The next
/// run is computed from now, not from the missed time, so occurrences missed while nothing ran collapse into one
/// task (as in Hangfire) instead of a burst.
/// </summary>
internal sealed class RecurringScheduler(IRecurringStore storage, TimeProvider time, ILogger logger, TimeSpan pollInterval)
{
    /// <summary>Due rows handled per tick; more wait for the next tick, so one tick stays short.</summary>
    private const int Batch = 100;

    /// <summary>Checks for due recurring calls now and then every poll interval until <paramref name="stop"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The storage may be briefly unreachable; the rows stay due, so the next tick catches up.
                RecurringSchedulerLog.TickFailed(logger, pollInterval, ex);
            }

            try
            {
                await Task.Delay(pollInterval, time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Enqueues one occurrence of each due recurring call; returns how many this process enqueued.</summary>
    internal async Task<int> TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await storage.GetDueRecurringAsync(now, Batch, cancellationToken).ConfigureAwait(false);
        var enqueued = 0;
        foreach (var row in due)
        {
            if (!TryNext(row, now, out var next))
            {
                continue;
            }

            var task = new NewQueuedTask { Call = row.Call };

            // Null means another process took this occurrence first: nothing to do.
            if (await storage.TriggerRecurringAsync(row.Id, row.NextRunAt!.Value, next, task, cancellationToken).ConfigureAwait(false) is not null)
            {
                enqueued++;
                RecurringSchedulerLog.Triggered(logger, row.Id, next);
            }
        }

        return enqueued;
    }

    /// <summary>
    /// The run after <paramref name="now"/>; false when the row cannot be read here (a time zone this machine does
    /// not know, an expression that no longer parses): that row is skipped, the others still run.
    /// </summary>
    private bool TryNext(RecurringRow row, DateTimeOffset now, out DateTimeOffset? next)
    {
        try
        {
            next = RecurringSchedule.Next(row.Cron, RecurringSchedule.FindTimeZone(row.TimeZone), now);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            RecurringSchedulerLog.BadSchedule(logger, row.Id, row.Cron, row.TimeZone, ex);
            next = null;
            return false;
        }
    }
}
