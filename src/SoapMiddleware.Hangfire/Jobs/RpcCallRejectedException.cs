namespace SoapMiddleware.Hangfire;

/// <summary>
/// Thrown by <see cref="RpcJob"/> when the call can never succeed (a Client fault, a payload that does not parse, an
/// operation that no longer exists): the engine's state filter fails the job at once, whatever the retry policy says.
/// The message is the outcome's reason, safe to show.
/// </summary>
internal sealed class RpcCallRejectedException(string reason) : Exception(reason);
