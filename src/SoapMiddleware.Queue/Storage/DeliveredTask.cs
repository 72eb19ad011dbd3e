using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Queue.Storage;

/// <summary>A stored task as a storage hands it out: to a worker under a lease (<see cref="FetchedTask"/>) or to a fan-out subscriber.</summary>
public sealed record DeliveredTask
{
    /// <summary>The storage's task id; ids grow in enqueue order.</summary>
    public required long Id { get; init; }

    /// <summary>The task's public handle (<c>{id}-{secret}</c>).</summary>
    public required string Handle { get; init; }

    /// <summary>The stored call.</summary>
    public required QueuedCall Call { get; init; }

    /// <summary>The attempt this delivery is (1 for the first); counts redeliveries after an expired lease.</summary>
    public required int Attempt { get; init; }

    /// <summary>When the task was enqueued.</summary>
    public required DateTimeOffset EnqueuedAt { get; init; }

    /// <summary>When the lease ends unless renewed; <see langword="null"/> for subscriber deliveries.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }
}
