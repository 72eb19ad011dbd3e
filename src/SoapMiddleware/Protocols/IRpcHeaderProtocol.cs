using System.Xml.Linq;
using SoapMiddleware.Description;

namespace SoapMiddleware.Protocols;

/// <summary>
/// The client's side of a protocol whose envelope carries headers (SOAP): a request written with header entries, and
/// a response's header entries read back, untyped or as a type the operation declares with <see cref="RpcHeaderAttribute"/>.
/// </summary>
public interface IRpcHeaderProtocol
{
    /// <summary>
    /// The request bytes and their content type for a call of <paramref name="operation"/>, with
    /// <paramref name="headers"/> in the envelope's Header, in order: each an <see cref="XElement"/>, sent as it is, or
    /// a value of a header type the operation (or its service) declares with <see cref="RpcHeaderAttribute"/> for
    /// requests, written as the server reads it, or an <see cref="RpcHeaderValue"/> naming a header the operation's
    /// schema declares.
    /// </summary>
    /// <exception cref="ArgumentException">A header is neither an element nor of a request header type the operation declares.</exception>
    (byte[] Payload, string ContentType) WriteRequest(RpcOperation operation, object?[] arguments, IReadOnlyList<object> headers);

    /// <summary>The header entries of a response envelope (empty when it has no Header); the envelope is parsed within the reader's limits.</summary>
    /// <exception cref="InvalidDataException">The response is not a readable envelope.</exception>
    IReadOnlyList<XElement> ReadResponseHeaders(ReadOnlyMemory<byte> payload);

    /// <summary>
    /// The value of the response header of type <paramref name="headerType"/> among <paramref name="headers"/>, read
    /// as the operation declares it (<see cref="RpcHeaderAttribute"/>, direction Out or InOut); null when absent.
    /// </summary>
    /// <exception cref="ArgumentException">The operation declares no response header of that type.</exception>
    /// <exception cref="InvalidDataException">The header does not match its declared type.</exception>
    object? ReadHeader(RpcOperation operation, IReadOnlyList<XElement> headers, Type headerType);

    /// <summary>
    /// The value of the response header whose element is named <paramref name="name"/> among <paramref name="headers"/>,
    /// read as the operation's schema declares it (<see cref="Description.Schema.SchemaOperation.ResponseHeaders"/>);
    /// null when absent.
    /// </summary>
    /// <exception cref="ArgumentException">The operation declares no response header of that name.</exception>
    /// <exception cref="InvalidDataException">The header does not match its declared type.</exception>
    object? ReadHeader(RpcOperation operation, IReadOnlyList<XElement> headers, string name);
}
