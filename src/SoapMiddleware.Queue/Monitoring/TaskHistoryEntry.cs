namespace SoapMiddleware.Queue;

/// <summary>One state transition of a task.</summary>
/// <param name="At">When it happened.</param>
/// <param name="State">The state the task entered.</param>
/// <param name="WorkerId">The worker involved, if any.</param>
/// <param name="Reason">Why, for people (for example <c>"Retry 2 of 9 at ...: timeout"</c>).</param>
public sealed record TaskHistoryEntry(DateTimeOffset At, QueuedTaskState State, string? WorkerId, string? Reason);
