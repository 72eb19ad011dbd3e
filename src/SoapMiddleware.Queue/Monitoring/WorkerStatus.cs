namespace SoapMiddleware.Queue;

/// <summary>A worker's row: what it is doing, its counters and its last heartbeat.</summary>
public sealed record WorkerStatus
{
    /// <summary>The stable worker id (for example <c>host:pid:tag/3</c>, or a Hangfire server's worker).</summary>
    public required string WorkerId { get; init; }

    /// <summary>The machine name.</summary>
    public string Host { get; init; } = "";

    /// <summary>The operating-system process id.</summary>
    public int ProcessId { get; init; }

    /// <summary>What the worker is doing.</summary>
    public WorkerState State { get; init; }

    /// <summary>The handle of the task being run, if any.</summary>
    public string? CurrentTaskId { get; init; }

    /// <summary>The operation being run (<c>Service.Operation</c>), if any.</summary>
    public string? CurrentOperation { get; init; }

    /// <summary>The progress the running method reported, 0 to 100.</summary>
    public int? ProgressPercent { get; init; }

    /// <summary>The progress message the running method reported.</summary>
    public string? ProgressMessage { get; init; }

    /// <summary>Tasks finished successfully since the worker started.</summary>
    public long Processed { get; init; }

    /// <summary>Tasks that failed since the worker started.</summary>
    public long Failed { get; init; }

    /// <summary>The handle of the last task the worker finished.</summary>
    public string? LastTaskId { get; init; }

    /// <summary>When the worker started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>The last heartbeat; set by the storage's clock when written, ignored on input.</summary>
    public DateTimeOffset HeartbeatAt { get; init; }
}
