namespace SoapMiddleware.Bench;

/// <summary>What the two benchmark listeners count.</summary>
internal static class CallCounters
{
    private static long _calls;
    private static long _returns;

    public static long Calls => Interlocked.Read(ref _calls);

    public static long Returns => Interlocked.Read(ref _returns);

    public static void IncrementCalls() => Interlocked.Increment(ref _calls);

    public static void IncrementReturns() => Interlocked.Increment(ref _returns);
}
