namespace SoapMiddleware.Queue;

/// <summary>Task counts per state, overall and per queue.</summary>
/// <param name="ByState">Counts per state over all queues; states without tasks are absent.</param>
/// <param name="ByQueue">Counts per state for each queue that has tasks.</param>
public sealed record QueueStats(
    IReadOnlyDictionary<QueuedTaskState, long> ByState,
    IReadOnlyDictionary<string, IReadOnlyDictionary<QueuedTaskState, long>> ByQueue)
{
    /// <summary>The number of tasks in <paramref name="state"/> over all queues (0 when none).</summary>
    /// <param name="state">The state to count.</param>
    public long Count(QueuedTaskState state) => ByState.TryGetValue(state, out var n) ? n : 0;
}
