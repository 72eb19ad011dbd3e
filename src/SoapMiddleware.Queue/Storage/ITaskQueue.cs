namespace SoapMiddleware.Queue.Storage;

/// <summary>The work queue: due tasks leased to workers, a wake-up when work arrives, and batched successes.</summary>
public interface ITaskQueue
{
    /// <summary>
    /// Leases up to <paramref name="maxCount"/> due tasks of <paramref name="queues"/> to <paramref name="workerId"/>:
    /// enqueued, scheduled and due, or processing with an expired lease. Each attempt is incremented. Ordered by due time, then id.
    /// </summary>
    /// <param name="queues">The queues to fetch from.</param>
    /// <param name="workerId">The process or worker that holds the tasks (see <see cref="WorkerIds"/>).</param>
    /// <param name="maxCount">The most tasks to lease.</param>
    /// <param name="lease">How long the tasks are held before another worker may take them.</param>
    /// <param name="concurrency">
    /// Operation name → most calls running at once; null or empty when no operation is limited. A task of a listed
    /// operation is skipped while that many tasks of its operation are processing under a live lease, counted in every
    /// queue and, on a shared database, in every process. Skipped tasks keep their place; later tasks of other
    /// operations are fetched past them.
    /// </param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    Task<IReadOnlyList<FetchedTask>> FetchAsync(
        IReadOnlyList<string> queues,
        string workerId,
        int maxCount,
        TimeSpan lease,
        IReadOnlyDictionary<string, int>? concurrency = null,
        CancellationToken cancellationToken = default);

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
