namespace SoapMiddleware.Hangfire;

/// <summary>
/// Thrown by <see cref="RpcJob"/> when the call ran past <c>Queue:CallTimeout</c> and its operation does not allow a
/// retry after a timeout: the engine's state filter fails the job at once, whatever the retry policy says, and the task
/// reads Failed (not Rejected: the request was fine). The message is the outcome's reason, safe to show.
/// </summary>
internal sealed class RpcCallTimedOutException(string reason) : Exception(reason);
