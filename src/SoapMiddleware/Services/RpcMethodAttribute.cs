namespace SoapMiddleware;

/// <summary>Exposes a public method of an <see cref="RpcServiceAttribute"/> class as an operation.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class RpcMethodAttribute : Attribute
{
    /// <summary>The operation name. Defaults to the method name (an <c>Async</c> suffix is dropped).</summary>
    public string? Name { get; set; }

    /// <summary>The SOAPAction. Defaults to <c>{namespace}/{service}/{operation}</c>.</summary>
    public string? Action { get; set; }

    /// <summary>
    /// When queued, the most calls of this operation that run at once across all workers (and, on a shared database,
    /// all processes); further calls wait in the queue without holding a worker. 0 (the default) means no limit.
    /// <c>Queue:Concurrency:{operation}</c> in configuration overrides it.
    /// </summary>
    public int MaxConcurrency { get; set; }

    /// <summary>
    /// When queued, whether a call that runs past <c>Queue:CallTimeout</c> is retried like a Server fault. By default
    /// (<see langword="false"/>) a timed-out call fails for good at once: a call that ran out of time once is likely
    /// to do so again, and each attempt would hold a worker for the whole timeout.
    /// </summary>
    public bool RetryOnTimeout { get; set; }
}
