namespace SoapMiddleware.Queue.Engine;

/// <summary>One call ready to store, whatever the engine: the request bytes, how to show them, and when and where to run them.</summary>
internal sealed record QueuedCall
{
    /// <summary>The queue.</summary>
    public required string Queue { get; init; }

    /// <summary>The service name (empty when a raw request's operation is not known yet).</summary>
    public required string Service { get; init; }

    /// <summary>The operation name (empty when not known yet).</summary>
    public required string Operation { get; init; }

    /// <summary>The call as people read it: <c>CalculatorService.Add(1, 2)</c>.</summary>
    public required string Display { get; init; }

    /// <summary>The content type of <see cref="Payload"/>.</summary>
    public required string ContentType { get; init; }

    /// <summary>The SOAPAction, or null.</summary>
    public string? Action { get; init; }

    /// <summary>The exact request bytes.</summary>
    public required byte[] Payload { get; init; }

    /// <summary>Run no sooner than this.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Attempts allowed, the first included.</summary>
    public required int MaxAttempts { get; init; }

    /// <summary>The idempotency key, or null.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The W3C <c>traceparent</c> of the enqueuing activity, stored with the task; set by the producer.</summary>
    public string? TraceParent { get; init; }
}
