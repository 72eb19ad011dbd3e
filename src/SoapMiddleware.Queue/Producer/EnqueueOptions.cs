namespace SoapMiddleware.Queue;

/// <summary>How to enqueue one call.</summary>
public sealed record EnqueueOptions
{
    /// <summary>The queue; defaults to <see cref="RpcQueueOptions.DefaultQueue"/>.</summary>
    public string? Queue { get; init; }

    /// <summary>Run no sooner than this long from now.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>Run no sooner than this time (wins over <see cref="Delay"/>).</summary>
    public DateTimeOffset? RunAt { get; init; }

    /// <summary>Attempts before the task fails for good; defaults to <see cref="RpcQueueOptions.MaxAttempts"/>.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>A key that makes the enqueue idempotent: a second enqueue with the same key returns the first task's id.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Who enqueues the call (a user's name), kept with the task for the queued run and the management API.</summary>
    public string? EnqueuedBy { get; init; }

    /// <summary>
    /// The protocol a typed call is stored in (<c>soap11</c>, <c>soap12</c>, <c>json</c>, or an added protocol that
    /// implements <c>IRpcRequestWriter</c>); defaults to <see cref="RpcQueueOptions.Protocol"/>. The task's result is
    /// written in the same protocol. Ignored by <c>EnqueueRequestAsync</c>, whose payload already has one.
    /// </summary>
    public string? Protocol { get; init; }
}
