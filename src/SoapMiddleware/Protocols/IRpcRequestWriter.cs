using SoapMiddleware.Description;

namespace SoapMiddleware.Protocols;

/// <summary>
/// A protocol that can also write requests, as a client would send them: the queue's producer serializes typed calls
/// with it (the application's <c>SerializeRequest</c>), so a queued call runs the same path as an HTTP call.
/// </summary>
public interface IRpcRequestWriter
{
    /// <summary>The request bytes and their content type for a call of <paramref name="operation"/>.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="arguments">The wire arguments, in the order of the operation's request parts.</param>
    (byte[] Payload, string ContentType) WriteRequest(RpcOperation operation, object?[] arguments);
}
