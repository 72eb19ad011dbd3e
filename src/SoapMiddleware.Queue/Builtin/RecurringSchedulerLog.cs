using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Queue.Builtin;

/// <summary>Log messages of <see cref="RecurringScheduler"/> (54x).</summary>
internal static partial class RecurringSchedulerLog
{
    [LoggerMessage(540, LogLevel.Warning, "Recurring calls could not be checked or enqueued; retrying in {Delay}")]
    public static partial void TickFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(541, LogLevel.Error, "Recurring call {RecurringId} is skipped: its schedule '{Cron}' in time zone '{TimeZone}' cannot be read here")]
    public static partial void BadSchedule(ILogger logger, string recurringId, string cron, string timeZone, Exception exception);

    [LoggerMessage(542, LogLevel.Debug, "Recurring call {RecurringId} enqueued; next run {NextRun}")]
    public static partial void Triggered(ILogger logger, string recurringId, DateTimeOffset? nextRun);
}
