namespace SoapMiddleware.Client.Resilience;

/// <summary>
/// Marks a method of a client interface as idempotent: sending its call twice has the effect of sending it once (a
/// read, or a write keyed by the caller), so <c>AddRetries</c> may send it again after a transient failure. Calls of
/// operations without it (or a name in <see cref="Hosting.RpcClientOptions.IdempotentOperations"/>) are never retried.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class RpcIdempotentAttribute : Attribute
{
}
