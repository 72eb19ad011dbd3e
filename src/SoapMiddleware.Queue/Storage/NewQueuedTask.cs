using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Queue.Storage;

/// <summary>A call to store in the queue, with the secret half of its handle.</summary>
public sealed record NewQueuedTask
{
    /// <summary>The call: request bytes, queue, schedule and attempts.</summary>
    public required QueuedCall Call { get; init; }

    /// <summary>The secret half of the task's handle: 32 lowercase hex digits (128 random bits).</summary>
    public string Secret { get; init; } = TaskHandle.NewSecret();
}
