namespace SoapMiddleware.Queue.Engine;

/// <summary>
/// One call ready to store, whatever the engine: the exact request bytes, how people read it, and where, when and how
/// often to run it. The producer builds it once (from a typed call or an HTTP request); engines and storages keep it
/// as it is, so a recurring call, a stored task and a fetched task carry the same fields.
/// </summary>
public sealed record QueuedCall
{
    /// <summary>The queue; workers fetch from named queues. Defaults to <c>"default"</c>.</summary>
    public string Queue { get; init; } = "default";

    /// <summary>The service name (empty when a raw request's operation is not known yet).</summary>
    public string Service { get; init; } = "";

    /// <summary>The operation name (empty when not known yet).</summary>
    public string Operation { get; init; } = "";

    /// <summary>The call as people read it, e.g. <c>CalculatorService.Add(1, 2)</c>; <see langword="null"/> when not recorded.</summary>
    public string? Display { get; init; }

    /// <summary>The content type of <see cref="Payload"/>, as an HTTP client would send it.</summary>
    public required string ContentType { get; init; }

    /// <summary>The SOAPAction, or <see langword="null"/>.</summary>
    public string? Action { get; init; }

    /// <summary>The exact request bytes.</summary>
    public required byte[] Payload { get; init; }

    /// <summary>The number of attempts allowed, the first included. Defaults to 10.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>When set and in the future, the call waits (<see cref="QueuedTaskState.Scheduled"/>) until then.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>
    /// An optional key: storing a second call with the same key stores nothing and names the first task instead.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the activity that enqueued the call, or <see langword="null"/>: the worker's activity
    /// becomes its child, so one trace shows the enqueue and the run however long the task waits. Set by the producer.
    /// </summary>
    public string? TraceParent { get; init; }

    /// <summary>
    /// Who enqueued the call: the authenticated user's name (<c>HttpContext.User.Identity.Name</c>) at the enqueue
    /// endpoint, or what the producer was given; <see langword="null"/> when anonymous. The queued run sees it as
    /// <see cref="QueueRpcTransport.EnqueuedBy"/>, and the management API shows it.
    /// </summary>
    public string? EnqueuedBy { get; init; }
}
