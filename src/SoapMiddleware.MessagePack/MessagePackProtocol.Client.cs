using SoapMiddleware.Description;
using SoapMiddleware.Protocols;
using SoapMiddleware.Protocols.Objects;

namespace SoapMiddleware.MessagePack;

/// <summary>
/// The client's side of MessagePack: a response (<c>{"AddResult": 3}</c>, or <c>{"fault": {...}}</c>) is translated
/// to JSON as a request is, then read by the JSON protocol's response reader, so results, faults and typed fault
/// details read exactly as they do over JSON.
/// </summary>
public sealed partial class MessagePackProtocol : IRpcResponseReader
{
    /// <summary>True for <c>application/msgpack</c> and <c>application/x-msgpack</c>.</summary>
    /// <param name="mediaType">The response's media type, without parameters.</param>
    public bool CanReadResponse(string? mediaType)
        => string.Equals(mediaType, MediaType, StringComparison.OrdinalIgnoreCase)
           || string.Equals(mediaType, LegacyMediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the response to a call of <paramref name="operation"/>: returns the result (null for a void operation);
    /// throws <see cref="RpcFaultException"/> for a fault, <see cref="InvalidDataException"/> for a body that is not one
    /// well-formed MessagePack value or does not match the description.
    /// </summary>
    /// <param name="operation">The operation called.</param>
    /// <param name="payload">The response body.</param>
    public object? ReadResponse(RpcOperation operation, ReadOnlyMemory<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(operation);
        byte[] json;
        try
        {
            // No shape: a response is not pruned as a request is, since a fault's map must be read whole.
            json = MessagePackJsonReader.ToJson(payload, _options.MaxDepth, ArgumentObjectShape.Any);
        }
        catch (RpcFault fault)
        {
            throw new InvalidDataException($"The response to '{operation.Name}' cannot be read: {fault.Message}");
        }

        return _json.ReadResponse(operation, json);
    }
}
