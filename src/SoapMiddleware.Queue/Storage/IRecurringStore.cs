namespace SoapMiddleware.Queue.Storage;

/// <summary>Recurring calls: their rows, and each occurrence enqueued exactly once however many processes try.</summary>
public interface IRecurringStore
{
    /// <summary>Inserts or replaces a recurring call by id (its last run is kept when it is replaced).</summary>
    Task UpsertRecurringAsync(RecurringRow row, CancellationToken cancellationToken = default);

    /// <summary>Removes a recurring call; <see langword="false"/> when there is none by that id.</summary>
    Task<bool> RemoveRecurringAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>All recurring calls, by id (payloads included).</summary>
    Task<IReadOnlyList<RecurringRow>> ListRecurringAsync(CancellationToken cancellationToken = default);

    /// <summary>Recurring calls whose next run is at or before <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<RecurringRow>> GetDueRecurringAsync(DateTimeOffset now, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>
    /// Enqueues one occurrence of a recurring call, exactly once however many processes try: in one transaction, moves
    /// the row's next run from <paramref name="expectedNextRun"/> to <paramref name="nextRun"/> (only if it is still
    /// <paramref name="expectedNextRun"/>), records the last run, and stores <paramref name="task"/>. Returns the new
    /// task's id, or <see langword="null"/> when another process already took this occurrence (nothing written).
    /// </summary>
    Task<long?> TriggerRecurringAsync(string id, DateTimeOffset expectedNextRun, DateTimeOffset? nextRun, NewQueuedTask task, CancellationToken cancellationToken = default);
}
