using SoapMiddleware.Description;

namespace SoapMiddleware.Protocols;

/// <summary>
/// A protocol that can also read responses, as a client receives them: the reverse of <see cref="IRpcProtocol"/>'s
/// request reading, with the same type model and serializers, so a value round-trips between client and server exactly.
/// Requests are written by the same protocol's <see cref="IRpcRequestWriter"/>.
/// </summary>
public interface IRpcResponseReader
{
    /// <summary>
    /// Whether a response of <paramref name="mediaType"/> (without parameters) is this protocol's: a fault answered
    /// with an error status is read as a fault only then, anything else is an HTTP error.
    /// </summary>
    bool CanReadResponse(string? mediaType);

    /// <summary>
    /// Reads the response to a call of <paramref name="operation"/>: returns the result (null for a void operation);
    /// throws <see cref="RpcFaultException"/> for a fault, <see cref="InvalidDataException"/> for a response that is not
    /// this protocol's or does not match the description.
    /// </summary>
    object? ReadResponse(RpcOperation operation, ReadOnlyMemory<byte> payload);
}
