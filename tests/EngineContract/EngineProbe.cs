using System.Collections.Concurrent;

namespace SoapMiddleware.EngineContract;

/// <summary>What the queued methods saw; one per test, shared by the test and its host.</summary>
public sealed class EngineProbe
{
    public ConcurrentQueue<string> Runs { get; } = new();

    public ConcurrentDictionary<string, int> FailuresLeft { get; } = new();

    public ConcurrentDictionary<string, TaskCompletionSource> Started { get; } = new();

    public ConcurrentDictionary<string, TaskCompletionSource> Release { get; } = new();

    public ConcurrentDictionary<string, TaskCompletionSource> Cancelled { get; } = new();

    public ConcurrentQueue<(string TaskId, string Engine, string WorkerId, int Attempt)> Transports { get; } = new();

    public TaskCompletionSource Signal(ConcurrentDictionary<string, TaskCompletionSource> map, string key)
        => map.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public int RunCount(string run) => Runs.Count(r => r == run);
}
