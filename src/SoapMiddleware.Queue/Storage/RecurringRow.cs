namespace SoapMiddleware.Queue.Storage;

/// <summary>A recurring call as the built-in storage keeps it: the call to enqueue and when it is next due.</summary>
public sealed record RecurringRow
{
    /// <summary>The recurring call's name (primary key).</summary>
    public required string Id { get; init; }

    /// <summary>The cron expression (five or six fields).</summary>
    public required string Cron { get; init; }

    /// <summary>The time zone id the expression is read in.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The queue each occurrence goes to.</summary>
    public required string Queue { get; init; }

    /// <summary>The service name.</summary>
    public required string Service { get; init; }

    /// <summary>The operation name.</summary>
    public required string Operation { get; init; }

    /// <summary>The call as people read it.</summary>
    public required string Display { get; init; }

    /// <summary>The content type of <see cref="Payload"/>.</summary>
    public required string ContentType { get; init; }

    /// <summary>The SOAPAction, or null.</summary>
    public string? Action { get; init; }

    /// <summary>The request bytes each occurrence enqueues.</summary>
    public required byte[] Payload { get; init; }

    /// <summary>Attempts allowed for each occurrence.</summary>
    public required int MaxAttempts { get; init; }

    /// <summary>When the next occurrence is due; null when the expression has none left.</summary>
    public DateTimeOffset? NextRunAt { get; init; }

    /// <summary>When an occurrence was last enqueued.</summary>
    public DateTimeOffset? LastRunAt { get; init; }

    /// <summary>The handle of the task the last occurrence enqueued.</summary>
    public string? LastTaskId { get; init; }
}
