namespace SoapMiddleware.Queue.Storage;

/// <summary>Times are stored as UTC unix milliseconds (a 64-bit integer) in every SQL storage; the column layout <see cref="TaskRowReader"/> reads.</summary>
public static class UnixTime
{
    /// <summary>A time as unix milliseconds.</summary>
    public static long ToMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    /// <summary>A time as unix milliseconds, or null.</summary>
    public static long? ToMs(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    /// <summary>Unix milliseconds as a time.</summary>
    public static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    /// <summary>The clock's current time in unix milliseconds.</summary>
    public static long Now(TimeProvider time) => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The clock's current time plus <paramref name="span"/>, in unix milliseconds.</summary>
    public static long After(TimeProvider time, TimeSpan span) => Now(time) + (long)span.TotalMilliseconds;
}
