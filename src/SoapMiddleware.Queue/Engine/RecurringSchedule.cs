using Cronos;

namespace SoapMiddleware.Queue.Engine;

/// <summary>Cron expressions for recurring calls (Cronos): five fields, or six when the first is seconds.</summary>
internal static class RecurringSchedule
{
    /// <summary>Parses the expression; an <see cref="ArgumentException"/> names what is wrong with it.</summary>
    public static CronExpression Parse(string cron)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cron);
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            return CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            throw new ArgumentException($"'{cron}' is not a cron expression (five fields, or six with seconds first): {ex.Message}", nameof(cron), ex);
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none.</summary>
    public static DateTimeOffset? Next(string cron, TimeZoneInfo timeZone, DateTimeOffset after)
        => Parse(cron).GetNextOccurrence(after, timeZone, inclusive: false);

    /// <summary>Finds a time zone by id (IANA or Windows), UTC for null or empty.</summary>
    public static TimeZoneInfo FindTimeZone(string? id)
        => string.IsNullOrEmpty(id) || id == "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(id);
}
