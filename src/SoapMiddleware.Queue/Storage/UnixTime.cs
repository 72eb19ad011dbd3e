namespace SoapMiddleware.Queue.Storage;

/// <summary>Times are stored as UTC unix milliseconds (a 64-bit integer) in every store.</summary>
internal static class UnixTime
{
    public static long ToMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? ToMs(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static long Now(TimeProvider time) => time.GetUtcNow().ToUnixTimeMilliseconds();

    public static long After(TimeProvider time, TimeSpan span) => Now(time) + (long)span.TotalMilliseconds;
}
