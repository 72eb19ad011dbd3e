using SoapMiddleware.Queue;

namespace SoapMiddleware.Tests.Support;

/// <summary>The operations the queue and Hangfire tests enqueue; each records its run in the <see cref="QueueProbe"/>.</summary>
[RpcService]
public sealed class QueueTestService(QueueProbe probe, IMethodContextAccessor accessor)
{
    /// <summary>Records <c>Add {a} {b} by {worker}</c> when queued.</summary>
    [RpcMethod]
    public int Add(int a, int b)
    {
        var context = accessor.MethodContext!;
        probe.See("method", context);
        probe.Runs.Enqueue(context.Transport is QueueRpcTransport queue ? $"Add {a} {b} by {queue.WorkerId}" : $"Add {a} {b}");
        return a + b;
    }

    /// <summary>Fails with a Server fault (an unexpected exception) while failures are left for <paramref name="key"/>.</summary>
    [RpcMethod]
    public string Flaky(string key)
    {
        probe.See("method", accessor.MethodContext!);
        probe.Runs.Enqueue("Flaky " + key);
        var left = probe.FailuresLeft.AddOrUpdate(key, -1, (_, n) => n - 1);
        return left >= 0 ? throw new InvalidOperationException($"flaky {key}, {left} failures left") : key;
    }

    /// <summary>A Client fault when dividing by zero: never retried.</summary>
    [RpcMethod]
    public int Divide(int a, int b)
    {
        probe.Runs.Enqueue($"Divide {a} {b}");
        return b == 0 ? throw RpcFault.Client("Division by zero.") : a / b;
    }

    /// <summary>Reports progress, says it started, then waits until the test releases it or the call is cancelled.</summary>
    [RpcMethod]
    public async Task<string> Block(string key, MethodContext context, CancellationToken cancellationToken)
    {
        probe.Runs.Enqueue("Block " + key);
        await context.ReportProgressAsync(50, "half way");
        probe.Signal(probe.Started, key).TrySetResult();
        try
        {
            await probe.Signal(probe.Release, key).Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.Signal(probe.Cancelled, key).TrySetResult();
            throw;
        }

        return "released " + key;
    }

    /// <summary>
    /// Says it started, then reports 25, 50 and 75 % ("step 1" to "step 3"), each once the test releases
    /// <c>{key}/{step}</c>, and returns once it releases <c>{key}/done</c>.
    /// </summary>
    [RpcMethod]
    public async Task<string> Steps(string key, MethodContext context, CancellationToken cancellationToken)
    {
        probe.Runs.Enqueue("Steps " + key);
        probe.Signal(probe.Started, key).TrySetResult();
        for (var step = 1; step <= 3; step++)
        {
            await probe.Signal(probe.Release, key + "/" + step).Task.WaitAsync(cancellationToken);
            await context.ReportProgressAsync(step * 25, "step " + step);
        }

        await probe.Signal(probe.Release, key + "/done").Task.WaitAsync(cancellationToken);
        return "stepped " + key;
    }
}
