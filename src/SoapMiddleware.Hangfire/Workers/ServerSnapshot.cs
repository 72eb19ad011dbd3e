namespace SoapMiddleware.Hangfire;

/// <summary>
/// A Hangfire server's own field in its workers' hash, written when its process stops gracefully: Hangfire forgets a
/// stopped server at once, so this is what tells a stopped server (and how many workers it had) from a killed one.
/// </summary>
internal sealed record ServerSnapshot
{
    /// <summary>The only state written today: <c>Stopped</c>.</summary>
    public required string State { get; init; }

    /// <summary>The server's worker count.</summary>
    public int Workers { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset StoppedAt { get; init; }

    public bool IsStopped => string.Equals(State, WorkerRecordJson.StoppedState, StringComparison.Ordinal);
}
