namespace SoapMiddleware;

/// <summary>What carried a call to the pipeline: <see cref="HttpRpcTransport"/> for HTTP, a queue transport for queued calls.</summary>
public abstract class RpcTransport
{
    /// <summary>A short name for logs, metrics and traces: <c>http</c> or <c>queue</c>.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Records progress reported by the running method. Transports that track progress (the queue) store it;
    /// HTTP ignores it.
    /// </summary>
    public virtual ValueTask ReportProgressAsync(int percent, string? message, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
