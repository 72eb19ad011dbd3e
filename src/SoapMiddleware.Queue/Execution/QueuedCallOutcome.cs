namespace SoapMiddleware.Queue.Execution;

/// <summary>The outcome of one run of a queued call: what happened, the response or fault bytes, and a reason for people.</summary>
/// <param name="Kind">How it ended.</param>
/// <param name="Response">The serialized result or fault, exactly as the synchronous endpoint would answer.</param>
/// <param name="ContentType">The content type of <paramref name="Response"/>.</param>
/// <param name="Reason">
/// Why it failed, as the caller may read it: a fault's message, or "Internal Error" for an unexpected exception unless
/// <see cref="RpcOptions.IncludeExceptionDetails"/> is set (the exception itself goes to the log only).
/// </param>
/// <param name="Operation">The operation the request named, when it was read.</param>
public sealed record QueuedCallOutcome(QueuedCallOutcomeKind Kind, byte[] Response, string? ContentType, string? Reason, Description.RpcOperation? Operation)
{
    /// <summary>Whether the method returned.</summary>
    public bool Succeeded => Kind == QueuedCallOutcomeKind.Succeeded;
}
