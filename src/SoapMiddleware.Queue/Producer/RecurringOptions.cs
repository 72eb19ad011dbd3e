namespace SoapMiddleware.Queue;

/// <summary>How to schedule a recurring call.</summary>
public sealed record RecurringOptions
{
    /// <summary>The time zone the cron expression is read in. Default UTC.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>The queue each occurrence goes to; defaults to <see cref="RpcQueueOptions.DefaultQueue"/>.</summary>
    public string? Queue { get; init; }
}
