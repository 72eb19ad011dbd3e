using System.Collections.Concurrent;

namespace SoapMiddleware.Queue.Tests.Workers;

/// <summary>What the queued methods, wrappers and listeners saw; shared by a test and its host.</summary>
public sealed class QueueProbe
{
    public ConcurrentQueue<string> Runs { get; } = new();

    public ConcurrentDictionary<string, int> FailuresLeft { get; } = new();

    public ConcurrentQueue<(string Source, string Transport, string TaskId, int Attempt, string WorkerId)> Seen { get; } = new();

    public ConcurrentDictionary<string, TaskCompletionSource> Started { get; } = new();

    public ConcurrentDictionary<string, TaskCompletionSource> Release { get; } = new();

    public ConcurrentDictionary<string, TaskCompletionSource> Cancelled { get; } = new();

    public TaskCompletionSource Signal(ConcurrentDictionary<string, TaskCompletionSource> map, string key)
        => map.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void See(string source, MethodContext context)
    {
        if (context.Transport is QueueRpcTransport queue)
        {
            Seen.Enqueue((source, queue.Name, queue.TaskId, queue.Attempt, queue.WorkerId));
        }
    }
}

[RpcService]
public sealed class QueueTestService(QueueProbe probe)
{
    [RpcMethod]
    public int Add(int a, int b, MethodContext context)
    {
        probe.See("method", context);
        probe.Runs.Enqueue($"Add {a} {b} by {((QueueRpcTransport)context.Transport).WorkerId}");
        return a + b;
    }

    [RpcMethod]
    public string Flaky(string key)
    {
        probe.Runs.Enqueue("Flaky " + key);
        var left = probe.FailuresLeft.AddOrUpdate(key, -1, (_, n) => n - 1);
        return left >= 0 ? throw new InvalidOperationException($"flaky {key}, {left} failures left") : key;
    }

    [RpcMethod]
    public int Divide(int a, int b)
    {
        probe.Runs.Enqueue($"Divide {a} {b}");
        return b == 0 ? throw RpcFault.Client("Division by zero.") : a / b;
    }

    [RpcMethod]
    public async Task Block(string key, MethodContext context, CancellationToken cancellationToken)
    {
        probe.Runs.Enqueue("Block " + key);
        probe.Signal(probe.Started, key).TrySetResult();
        await context.ReportProgressAsync(50, "half way");
        try
        {
            await probe.Signal(probe.Release, key).Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.Signal(probe.Cancelled, key).TrySetResult();
            throw;
        }
    }
}
