namespace SoapMiddleware.Queue.Execution;

/// <summary>How a queued call ended, as far as a queue engine cares.</summary>
public enum QueuedCallOutcomeKind
{
    /// <summary>The method returned; the response bytes are its result.</summary>
    Succeeded,

    /// <summary>The request does not parse, names no operation, or the method answered a Client fault: running it again cannot help.</summary>
    Rejected,

    /// <summary>A Server fault (an exception in the method): the engine's retry policy decides.</summary>
    Retryable,

    /// <summary>The call's token was cancelled (deletion, lost lease, shutdown) while it ran.</summary>
    Cancelled,

    /// <summary>
    /// The call ran past <see cref="RpcQueueOptions.CallTimeout"/> and its operation does not allow a retry after a
    /// timeout: failed for good after this attempt (one that allows it ends <see cref="Retryable"/>).
    /// </summary>
    TimedOut,
}
