using SoapMiddleware.Description;

namespace SoapMiddleware.Protocols;

/// <summary>
/// A protocol that writes requests and reads responses as MTOM (SOAP 1.1 and 1.2): the client's side of MTOM, on the
/// same type model, so <c>byte[]</c> and <c>Stream</c> values travel as binary parts instead of base64 text.
/// </summary>
public interface IRpcMtomProtocol
{
    /// <summary>
    /// The request for a call of <paramref name="operation"/> as an MTOM body, binary values as parts (streamed when
    /// sent): the envelope <see cref="IRpcHeaderProtocol.WriteRequest"/> writes, with the same header entries.
    /// </summary>
    /// <param name="operation">The operation.</param>
    /// <param name="arguments">The wire arguments, in the order of the operation's request parts.</param>
    /// <param name="headers">
    /// The envelope's header entries, in order (none: an empty list): each an <see cref="System.Xml.Linq.XElement"/>,
    /// sent as it is, or a value of a request header type the operation declares with <see cref="RpcHeaderAttribute"/>.
    /// </param>
    /// <exception cref="ArgumentException">A header is neither an element nor of a request header type the operation declares.</exception>
    HttpContent WriteMtomRequest(RpcOperation operation, object?[] arguments, IReadOnlyList<object> headers);

    /// <summary>
    /// Reads an MTOM response (<see cref="RpcMtom.IsMtom"/>): returns the result, throws <see cref="RpcFaultException"/>
    /// for a fault, <see cref="RpcMtomException"/> for a message that breaks a limit or is not MTOM, and
    /// <see cref="InvalidDataException"/> for an envelope that does not match the description. Attachments above the
    /// threshold wait in temporary files; a <c>Stream</c> result reads one of them.
    /// </summary>
    /// <param name="operation">The operation called.</param>
    /// <param name="body">The response body.</param>
    /// <param name="contentType">The response's <c>Content-Type</c>.</param>
    /// <param name="maxEnvelopeBytes">The most bytes the envelope (the root part) may hold.</param>
    /// <param name="envelopeRead">
    /// Called once the message is read, before the envelope is deserialized, with the envelope as received (binary values
    /// still <c>xop:Include</c> references); the memory is valid only during the call. <see langword="null"/>: not called.
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<object?> ReadMtomResponseAsync(RpcOperation operation, Stream body, string contentType, int maxEnvelopeBytes, Func<ReadOnlyMemory<byte>, Task>? envelopeRead, CancellationToken cancellationToken);
}
