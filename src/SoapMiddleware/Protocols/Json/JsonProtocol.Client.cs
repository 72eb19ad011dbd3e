using System.Xml.Linq;
using System.Text.Json;
using SoapMiddleware.Description;
using SoapMiddleware.Model;

namespace SoapMiddleware.Protocols.Json;

/// <summary>
/// The client's side of JSON: reads <c>{"AddResult": 3}</c> or <c>{"fault": {...}}</c> with the server's model reader
/// (the tree reader after it, for the message of a response that does not match the description).
/// </summary>
internal sealed partial class JsonProtocol : IRpcResponseReader
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<RpcType, RpcMember> _detailMembers = new();

    /// <inheritdoc />
    public bool CanReadResponse(string? mediaType) => Accepts(mediaType);

    /// <inheritdoc />
    public object? ReadResponse(RpcOperation operation, ReadOnlyMemory<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.ResponseContract is not null)
        {
            throw new NotSupportedException($"The operation '{operation.Name}' returns a message contract, which the client does not read yet.");
        }

        using var document = ParseResponse(operation, payload);
        var root = document.RootElement;
        if (JsonFaultReader.IsFault(root, operation))
        {
            throw JsonFaultReader.Read(root.GetProperty(JsonFaultReader.Property), operation, this);
        }

        var values = ReadValues(root, operation.Response)
            ?? throw new InvalidDataException($"The response to '{operation.Name}' cannot be read: {ReasonOf(root, operation.Response)}");
        return operation.ResultOf(values);
    }

    /// <summary>
    /// A member named <c>detail</c> of a declared fault type, so a fault's detail reads as a one-part message. A type
    /// declared from a schema (an <see cref="RpcRecord"/>, a list) has no CLR type of its own for the model to describe:
    /// its member is made of the type itself, as the schema's members are.
    /// </summary>
    internal RpcMember DetailMember(RpcOperation operation, RpcType type)
        => _detailMembers.GetOrAdd(type, t => operation.Schema is not null
            ? new RpcMember("detail", t, typeof(object), isNillable: true, minOccurs: 0)
            : description.Model.CreateMember("detail", t.ClrType, nullable: true, required: false, []));

    /// <summary>The values of <paramref name="message"/> in <paramref name="json"/>, or null when they do not read.</summary>
    internal object?[]? ReadValues(JsonElement json, RpcMessage message)
    {
        try
        {
            return JsonModelReader.ReadMessage(json, message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>A message for a message that does not read: the tree reader's, which names the member and the rule.</summary>
    internal string ReasonOf(JsonElement json, RpcMessage message)
    {
        try
        {
            description.Serializer.ReadMessage(JsonArgumentReader.ReadMessage(json, message, XNamespace.Get(description.Namespace)), message);
            return "it does not match the description.";
        }
        catch (RpcFault fault)
        {
            return fault.Message;
        }
    }

    private JsonDocument ParseResponse(RpcOperation operation, ReadOnlyMemory<byte> payload)
    {
        try
        {
            return JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = options.MaxDepth });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The response to '{operation.Name}' is not valid JSON: {EchoedText.CapMessage(ex.Message)}", ex);
        }
    }
}
