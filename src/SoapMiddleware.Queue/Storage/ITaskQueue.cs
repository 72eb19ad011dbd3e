namespace SoapMiddleware.Queue.Storage;

/// <summary>The work queue: due tasks leased to workers, a wake-up when work arrives, and batched successes.</summary>
public interface ITaskQueue
{
    /// <summary>
    /// Leases up to <paramref name="maxCount"/> due tasks of <paramref name="queues"/> to <paramref name="workerId"/>:
    /// enqueued, scheduled and due, or processing with an expired lease. Each attempt is incremented. Ordered by due time, then id.
    /// </summary>
    Task<IReadOnlyList<FetchedTask>> FetchAsync(IReadOnlyList<string> queues, string workerId, int maxCount, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases due tasks as <see cref="FetchAsync(IReadOnlyList{string}, string, int, TimeSpan, CancellationToken)"/>
    /// does, except a task whose operation is listed in <paramref name="concurrency"/> (operation name → most calls
    /// running at once): it is skipped while that many tasks of its operation are processing under a live lease,
    /// counted in every queue and, on a shared database, in every process. Skipped tasks keep their place; later tasks
    /// of other operations are fetched past them.
    /// </summary>
    Task<IReadOnlyList<FetchedTask>> FetchAsync(
        IReadOnlyList<string> queues, string workerId, int maxCount, TimeSpan lease, IReadOnlyDictionary<string, int> concurrency, CancellationToken cancellationToken);

    /// <summary>
    /// Returns <see langword="true"/> as soon as new work may be available in <paramref name="queues"/>, or
    /// <see langword="false"/> when <paramref name="timeout"/> passes first.
    /// </summary>
    Task<bool> WaitForWorkAsync(IReadOnlyList<string> queues, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks fetched tasks <see cref="QueuedTaskState.Succeeded"/> with their results in one write (what
    /// <see cref="FetchedTask.CompleteAsync"/> does for one); returns how many were still held by their workers and applied.
    /// </summary>
    Task<int> CompleteAsync(IReadOnlyList<TaskCompletion> completions, CancellationToken cancellationToken = default);
}
