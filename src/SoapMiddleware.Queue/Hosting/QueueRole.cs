namespace SoapMiddleware.Queue;

/// <summary>What a process does with the queue.</summary>
public enum QueueRole
{
    /// <summary>Serves HTTP, enqueues, and runs workers.</summary>
    All,

    /// <summary>Serves HTTP and enqueues; runs no workers.</summary>
    Web,

    /// <summary>Runs workers only (the sample app still answers <c>GET /health</c>).</summary>
    Workers,
}
