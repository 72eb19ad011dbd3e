using SoapMiddleware.Queue;

namespace SoapMiddleware.Hangfire;

/// <summary>One Hangfire worker's row as this engine stores it (a field of its server's hash, see <see cref="WorkerRecordKeys"/>).</summary>
internal sealed record WorkerSnapshot
{
    public WorkerState State { get; init; }

    /// <summary>The handle of the call it runs.</summary>
    public string? Task { get; init; }

    /// <summary><c>Service.Operation</c> of the call it runs.</summary>
    public string? Operation { get; init; }

    public int? Percent { get; init; }

    public string? Message { get; init; }

    /// <summary>Calls that succeeded on this worker.</summary>
    public long Processed { get; init; }

    /// <summary>Calls that did not succeed on this worker (rejected, failed, cancelled).</summary>
    public long Failed { get; init; }

    /// <summary>The handle of the last call it finished.</summary>
    public string? Last { get; init; }

    /// <summary>When this process first saw the worker run a call.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the row was written.</summary>
    public DateTimeOffset Heartbeat { get; init; }
}
