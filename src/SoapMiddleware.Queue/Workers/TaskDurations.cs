namespace SoapMiddleware.Queue.Workers;

/// <summary>
/// A moving average of how long tasks run, to size the prefetch: about <see cref="BufferedWork"/> of work per worker
/// waits in this process, so short tasks are fetched in large batches (the lever for throughput) while a long task
/// never has others queued behind it here when another process's workers are idle.
/// </summary>
internal sealed class TaskDurations
{
    /// <summary>How much work, per worker, may wait in the local buffer.</summary>
    public static readonly TimeSpan BufferedWork = TimeSpan.FromMilliseconds(50);

    private double _averageTicks;

    /// <summary>How many tasks to fetch beyond the idle workers: up to <paramref name="max"/>, fewer as tasks grow longer.</summary>
    public int Prefetch(int workers, int max)
    {
        var average = Volatile.Read(ref _averageTicks);
        if (average <= 0)
        {
            return max;
        }

        var fits = workers * BufferedWork.Ticks / average;
        return (int)Math.Clamp(fits, 0, max);
    }

    public void Add(TimeSpan duration)
    {
        // An exponentially weighted average: recent tasks count most, one outlier does not flip the decision alone.
        var current = Volatile.Read(ref _averageTicks);
        Volatile.Write(ref _averageTicks, current <= 0 ? duration.Ticks : (current * 0.8) + (duration.Ticks * 0.2));
    }
}
