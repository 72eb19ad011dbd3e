using System.Collections.Concurrent;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Tests.Support;

/// <summary>What the queued methods, wrappers and listeners saw; shared by a test and its host.</summary>
public sealed class QueueProbe
{
    /// <summary>One line per run of a <see cref="QueueTestService"/> method (<c>Add 1 2 by {worker}</c>, <c>Flaky k</c> ...).</summary>
    public ConcurrentQueue<string> Runs { get; } = new();

    public ConcurrentDictionary<string, int> FailuresLeft { get; } = new();

    public ConcurrentQueue<Sighting> Seen { get; } = new();

    public ConcurrentDictionary<string, TaskCompletionSource> Started { get; } = new();

    public ConcurrentDictionary<string, TaskCompletionSource> Release { get; } = new();

    public ConcurrentDictionary<string, TaskCompletionSource> Cancelled { get; } = new();

    public TaskCompletionSource Signal(ConcurrentDictionary<string, TaskCompletionSource> map, string key)
        => map.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    /// <summary>How many times <paramref name="run"/> (<c>Add 1 1</c>) ran, whichever worker ran it.</summary>
    public int RunCount(string run) => Runs.Count(r => r == run || r.StartsWith(run + " by ", StringComparison.Ordinal));

    public void See(string source, MethodContext context)
    {
        if (context.Transport is QueueRpcTransport queue)
        {
            Seen.Enqueue(new Sighting(source, queue.Name, queue.Engine, queue.TaskId, queue.Attempt, queue.MaxAttempts, queue.WorkerId, queue.Queue));
        }
    }

    /// <summary>The queue transport as one method, wrapper or listener saw it.</summary>
    public sealed record Sighting(string Source, string Transport, string Engine, string TaskId, int Attempt, int MaxAttempts, string WorkerId, string Queue);
}
