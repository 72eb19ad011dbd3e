namespace SoapMiddleware.Queue;

/// <summary>
/// An enqueue named an idempotency key that an earlier task with a different request already holds. The HTTP enqueue
/// endpoint answers it with <c>409 Conflict</c>: a key never hands one caller another caller's task.
/// </summary>
public sealed class IdempotencyKeyConflictException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    public IdempotencyKeyConflictException(string key)
        : base($"The idempotency key '{EchoedText.Cap(key)}' is already used by a task with a different request.")
    {
        Key = key;
    }

    /// <summary>The key.</summary>
    public string Key { get; }
}
