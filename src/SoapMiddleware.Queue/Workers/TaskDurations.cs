namespace SoapMiddleware.Queue.Workers;

/// <summary>A moving average of how long tasks run, to decide whether prefetching helps (short tasks) or hurts (long ones).</summary>
internal sealed class TaskDurations
{
    private static readonly double ShortTicks = TimeSpan.FromMilliseconds(100).Ticks;
    private double _averageTicks;

    /// <summary>Whether recent tasks were short; true until a task says otherwise.</summary>
    public bool IsShort => Volatile.Read(ref _averageTicks) < ShortTicks;

    public void Add(TimeSpan duration)
    {
        // An exponentially weighted average: recent tasks count most, one outlier does not flip the decision alone.
        var current = Volatile.Read(ref _averageTicks);
        Volatile.Write(ref _averageTicks, (current * 0.8) + (duration.Ticks * 0.2));
    }
}
