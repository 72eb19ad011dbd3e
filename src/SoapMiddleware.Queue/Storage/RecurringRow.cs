using SoapMiddleware.Queue.Engine;

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

    /// <summary>The call each occurrence enqueues (its not-before time, idempotency key and trace are not kept).</summary>
    public required QueuedCall Call { get; init; }

    /// <summary>When the next occurrence is due; null when the expression has none left.</summary>
    public DateTimeOffset? NextRunAt { get; init; }

    /// <summary>When an occurrence was last enqueued.</summary>
    public DateTimeOffset? LastRunAt { get; init; }

    /// <summary>The handle of the task the last occurrence enqueued.</summary>
    public string? LastTaskId { get; init; }
}
