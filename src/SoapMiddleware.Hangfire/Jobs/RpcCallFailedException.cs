namespace SoapMiddleware.Hangfire;

/// <summary>
/// Thrown by <see cref="RpcJob"/> when the call answered a Server fault: Hangfire's retry policy applies, capped by the
/// call's attempts. The message is the outcome's reason (never an unexpected exception's text unless the application
/// shows exception details), so Hangfire's Failed state and retry reasons carry nothing the caller could not read.
/// </summary>
internal sealed class RpcCallFailedException(string reason) : Exception(reason)
{
    /// <summary>
    /// Set while <see cref="RpcJob"/> fails the job itself with its own final reason, so <see cref="RpcJobStateFilter"/>
    /// keeps that reason instead of writing the retry policy's.
    /// </summary>
    public bool ReasonGiven { get; set; }
}
