using SoapMiddleware.Queue;

namespace SoapMiddleware.EngineContract;

/// <summary>The operations the contract suite queues.</summary>
[RpcService]
public sealed class EngineTestService(EngineProbe probe)
{
    public const string Namespace = "http://example.com/engine-contract";

    [RpcMethod]
    public int Add(int a, int b, MethodContext context)
    {
        if (context.Transport is QueueRpcTransport queue)
        {
            probe.Transports.Enqueue((queue.TaskId, queue.Engine, queue.WorkerId, queue.Attempt));
        }

        probe.Runs.Enqueue($"Add {a} {b}");
        return a + b;
    }

    /// <summary>Returns (and records) who enqueued the call, as the queued run sees it.</summary>
    [RpcMethod]
    public string WhoEnqueued(string key, MethodContext context)
    {
        var by = (context.Transport as QueueRpcTransport)?.EnqueuedBy ?? "(nobody)";
        probe.Runs.Enqueue($"WhoEnqueued {key} {by}");
        return by;
    }

    [RpcMethod]
    public int Divide(int a, int b)
    {
        probe.Runs.Enqueue($"Divide {a} {b}");
        return b == 0 ? throw RpcFault.Client("Division by zero.") : a / b;
    }

    /// <summary>Throws an unexpected exception (a Server fault) while failures are left for the key.</summary>
    [RpcMethod]
    public string Flaky(string key)
    {
        probe.Runs.Enqueue("Flaky " + key);
        var left = probe.FailuresLeft.AddOrUpdate(key, -1, (_, n) => n - 1);
        return left >= 0 ? throw new InvalidOperationException($"flaky {key} (db user app_rw, /etc/secret.conf)") : key;
    }

    /// <summary>A Client fault the first time, then a result: a person's retry helps.</summary>
    [RpcMethod]
    public string RefusedOnce(string key)
    {
        probe.Runs.Enqueue("RefusedOnce " + key);
        return probe.FailuresLeft.TryRemove(key, out _) ? throw RpcFault.Client("Refused " + key) : key;
    }

    /// <summary>Reports 50 %, then waits for the test to release it, or for its cancellation.</summary>
    [RpcMethod]
    public async Task Block(string key, MethodContext context, CancellationToken cancellationToken)
    {
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
    }

    /// <summary>Like <see cref="Block"/>, but at most one call runs at once (<c>MaxConcurrency = 1</c>).</summary>
    [RpcMethod(MaxConcurrency = 1)]
    public Task Limited(string key, MethodContext context, CancellationToken cancellationToken) => Block(key, context, cancellationToken);

    /// <summary>Like <see cref="Block"/>, but a call that times out may run again (<c>RetryOnTimeout = true</c>).</summary>
    [RpcMethod(RetryOnTimeout = true)]
    public Task BlockRetried(string key, MethodContext context, CancellationToken cancellationToken)
    {
        probe.Runs.Enqueue("BlockRetried " + key);
        return Block(key, context, cancellationToken);
    }
}
