namespace SoapMiddleware.Queue.Storage;

/// <summary>Fan-out: each named subscriber reads every task of a queue in id order and keeps its own cursor.</summary>
public interface ISubscriptionStore
{
    /// <summary>The last task id <paramref name="subscriber"/> finished in <paramref name="queue"/>; 0 when none.</summary>
    Task<long> GetSubscriptionCursorAsync(string subscriber, string queue, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tasks of <paramref name="queue"/> with an id above <paramref name="afterId"/>, in id order, in any state but deleted.
    /// They are not leased or changed: every subscriber sees every task.
    /// </summary>
    Task<IReadOnlyList<DeliveredTask>> FetchForSubscriberAsync(string subscriber, string queue, long afterId, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>Moves a subscriber's cursor forward to <paramref name="taskId"/>; never backwards.</summary>
    Task AdvanceSubscriptionCursorAsync(string subscriber, string queue, long taskId, CancellationToken cancellationToken = default);
}
