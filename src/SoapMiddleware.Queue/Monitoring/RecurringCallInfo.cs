namespace SoapMiddleware.Queue;

/// <summary>A recurring call, for the management API and the dashboard.</summary>
public sealed record RecurringCallInfo
{
    /// <summary>The recurring call's name.</summary>
    public required string Id { get; init; }

    /// <summary>The cron expression.</summary>
    public required string Cron { get; init; }

    /// <summary>The time zone id the cron expression is read in.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The queue each occurrence goes to.</summary>
    public required string Queue { get; init; }

    /// <summary>The service name.</summary>
    public string Service { get; init; } = "";

    /// <summary>The operation name.</summary>
    public string Operation { get; init; } = "";

    /// <summary>The call as people read it, e.g. <c>CalculatorService.Report()</c>.</summary>
    public string Display { get; init; } = "";

    /// <summary>When the next occurrence is due; null when the expression has none left.</summary>
    public DateTimeOffset? NextRunAt { get; init; }

    /// <summary>When an occurrence was last enqueued.</summary>
    public DateTimeOffset? LastRunAt { get; init; }

    /// <summary>The handle of the task the last occurrence enqueued.</summary>
    public string? LastTaskId { get; init; }
}
