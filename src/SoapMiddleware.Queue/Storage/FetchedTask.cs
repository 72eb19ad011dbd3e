namespace SoapMiddleware.Queue.Storage;

/// <summary>A task handed to a worker (under a lease) or to a fan-out subscriber (without one).</summary>
public sealed record FetchedTask
{
    /// <summary>The task id; ids grow in enqueue order.</summary>
    public required long Id { get; init; }

    /// <summary>The task's public handle (<c>{id}-{secret}</c>).</summary>
    public required string Handle { get; init; }

    /// <summary>The queue name.</summary>
    public required string Queue { get; init; }

    /// <summary>The service name, for display.</summary>
    public required string Service { get; init; }

    /// <summary>The operation name, for display.</summary>
    public required string Operation { get; init; }

    /// <summary>The content type of <see cref="Payload"/>.</summary>
    public required string ContentType { get; init; }

    /// <summary>The SOAPAction, or <see langword="null"/>.</summary>
    public string? Action { get; init; }

    /// <summary>The exact request bytes.</summary>
    public required byte[] Payload { get; init; }

    /// <summary>The attempt this delivery is (1 for the first); counts redeliveries after an expired lease.</summary>
    public required int Attempt { get; init; }

    /// <summary>The number of attempts allowed.</summary>
    public required int MaxAttempts { get; init; }

    /// <summary>When the task was enqueued.</summary>
    public required DateTimeOffset EnqueuedAt { get; init; }

    /// <summary>When the lease ends unless renewed; <see langword="null"/> for subscriber deliveries.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>The W3C <c>traceparent</c> stored at enqueue (see <see cref="NewQueuedTask.TraceParent"/>), or <see langword="null"/>.</summary>
    public string? TraceParent { get; init; }
}
