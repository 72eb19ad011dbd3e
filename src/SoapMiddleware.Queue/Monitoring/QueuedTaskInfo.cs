namespace SoapMiddleware.Queue;

/// <summary>Everything stored about a task, for the dashboard and the JSON API, the same on every engine.</summary>
public sealed record QueuedTaskInfo
{
    /// <summary>The task's handle: opaque and unguessable; the only name of a task outside the engine.</summary>
    public required string Id { get; init; }

    /// <summary>The engine that stores the task: <c>Builtin</c>, <c>Hangfire</c>, or another engine's name.</summary>
    public required string Engine { get; init; }

    /// <summary>The call as people read it, e.g. <c>CalculatorService.Add(1, 2)</c>; null when not recorded.</summary>
    public string? Display { get; init; }

    /// <summary>The queue name.</summary>
    public required string Queue { get; init; }

    /// <summary>The service name.</summary>
    public required string Service { get; init; }

    /// <summary>The operation name.</summary>
    public required string Operation { get; init; }

    /// <summary>The content type of the payload.</summary>
    public required string ContentType { get; init; }

    /// <summary>The SOAPAction, or <see langword="null"/>.</summary>
    public string? Action { get; init; }

    /// <summary>The current state.</summary>
    public required QueuedTaskState State { get; init; }

    /// <summary>Attempts started so far (released attempts do not count).</summary>
    public required int Attempt { get; init; }

    /// <summary>The number of attempts allowed.</summary>
    public required int MaxAttempts { get; init; }

    /// <summary>The idempotency key, if any.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The worker that holds or last held the task.</summary>
    public string? WorkerId { get; init; }

    /// <summary>The progress the method last reported, 0 to 100.</summary>
    public int? ProgressPercent { get; init; }

    /// <summary>The progress message the method last reported.</summary>
    public string? ProgressMessage { get; init; }

    /// <summary>How the last run ended; <see langword="null"/> while none has (enqueued, first run in progress, retried by a person).</summary>
    public TaskOutcome? Outcome { get; init; }

    /// <summary>The reason of the last transition.</summary>
    public string? Reason { get; init; }

    /// <summary>When the task was enqueued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a scheduled task becomes due.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>When the last attempt started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the task succeeded or failed for good.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>When the current lease ends.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>The request bytes; <see langword="null"/> in list results.</summary>
    public byte[]? Payload { get; init; }

    /// <summary>Who enqueued the call (<see cref="Engine.QueuedCall.EnqueuedBy"/>), or <see langword="null"/>.</summary>
    public string? EnqueuedBy { get; init; }

    /// <summary>The response bytes of a succeeded task; <see langword="null"/> in list results.</summary>
    public byte[]? Result { get; init; }

    /// <summary>The content type of <see cref="Result"/>.</summary>
    public string? ResultContentType { get; init; }

    /// <summary>The fault bytes of the last failed attempt; <see langword="null"/> in list results.</summary>
    public byte[]? Fault { get; init; }
}
