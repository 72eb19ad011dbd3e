namespace SoapMiddleware.Queue.Storage;

/// <summary>A call to store in the queue: the exact request bytes plus how and when to run them.</summary>
public sealed record NewQueuedTask
{
    /// <summary>The queue name; workers fetch from named queues. Defaults to <c>"default"</c>.</summary>
    public string Queue { get; init; } = "default";

    /// <summary>The service name, for display.</summary>
    public string Service { get; init; } = "";

    /// <summary>The operation name, for display.</summary>
    public string Operation { get; init; } = "";

    /// <summary>The call as people read it, e.g. <c>CalculatorService.Add(1, 2)</c>.</summary>
    public string? Display { get; init; }

    /// <summary>The secret half of the task's handle: 32 lowercase hex digits (128 random bits).</summary>
    public string Secret { get; init; } = Engine.TaskHandle.NewSecret();

    /// <summary>The content type of <see cref="Payload"/>, as an HTTP client would send it.</summary>
    public required string ContentType { get; init; }

    /// <summary>The SOAPAction, or <see langword="null"/>.</summary>
    public string? Action { get; init; }

    /// <summary>The exact request bytes.</summary>
    public required byte[] Payload { get; init; }

    /// <summary>When set and in the future, the task is <see cref="QueuedTaskState.Scheduled"/> until then.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>The number of attempts allowed, the first included. Defaults to 10.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>
    /// An optional key: enqueuing a second task with the same key inserts nothing and returns the first task's id.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the activity that enqueued the call, or <see langword="null"/>: the worker's activity
    /// becomes its child, so one trace shows the enqueue and the run however long the task waits.
    /// </summary>
    public string? TraceParent { get; init; }
}
