using System.Buffers;
using System.Text.Json;
using System.Xml.Linq;
using MessagePack;
using Microsoft.Extensions.Options;
using SoapMiddleware.Description;
using SoapMiddleware.Protocols;
using SoapMiddleware.Protocols.Objects;

namespace SoapMiddleware.MessagePack;

/// <summary>
/// MessagePack over HTTP and through the queue (Spyne's <c>MessagePackDocument</c>): the JSON protocol's calls in
/// MessagePack. The request is a map naming the operation, <c>{"Add": {"a": 1, "b": 2}}</c>, or, where the route
/// names the operation (<c>/msgpack/calculator/{operation}</c>), the arguments map alone. The response is
/// <c>{"AddResult": 3}</c> (an empty map for void), a fault <c>{"fault": {"code": "Client", "message": "...",
/// "subcode": "...", "detail": {...}}}</c>; a Client fault answers 400, any other fault 500.
/// </summary>
/// <remarks>
/// <para>
/// Register it with <c>services.AddRpc().AddProtocol&lt;MessagePackProtocol&gt;()</c> and map it by name:
/// <c>app.MapRpc("/msgpack/calculator", p =&gt; p.In("msgpack").Out("msgpack"))</c>. The queue's enqueue endpoint then
/// accepts <c>application/msgpack</c> bodies too, and <c>RpcApplication.SerializeRequest</c> writes requests with
/// it (<c>protocol: "msgpack"</c>).
/// </para>
/// <para>
/// The request is translated to JSON and read as the JSON protocol reads it (straight into the argument array, the
/// tree way for a request that breaks a rule), so validation and fault messages are the JSON protocol's (and so SOAP's). A body that is not one well-formed
/// MessagePack value, a map key that is not a string, an extension other than the timestamp, or nesting deeper than
/// <see cref="RpcOptions.MaxDepth"/> is a Client fault. <see cref="MethodContext.InDocument"/> holds the arguments as the
/// SOAP body's wrapper element, built only when something reads it; the response is written straight to <see cref="MethodContext.OutString"/>
/// (<see cref="MethodContext.OutDocument"/> stays null, as for JSON).
/// </para>
/// </remarks>
public sealed partial class MessagePackProtocol : IRpcProtocol, IRpcRequestWriter
{
    /// <summary>The media type this protocol writes, and reads.</summary>
    public const string MediaType = "application/msgpack";

    /// <summary>The older, unregistered media type many clients still send; read too, and answered in kind.</summary>
    public const string LegacyMediaType = "application/x-msgpack";

    private readonly RpcDescription _description;
    private readonly RpcOptions _options;
    private readonly ArgumentObjectReader _reader;
    private readonly IRpcResponseReader _json;

    /// <summary>Creates the protocol for <paramref name="description"/>; <c>AddProtocol&lt;T&gt;()</c> does this once per application.</summary>
    /// <param name="description">The services whose calls it reads and writes.</param>
    /// <param name="options">The limits and fault details (<c>Rpc</c> options).</param>
    public MessagePackProtocol(RpcDescription description, IOptions<RpcOptions> options)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(options);
        _description = description;
        _options = options.Value;
        _reader = new ArgumentObjectReader(description, _options, Dialect);
        _json = (IRpcResponseReader)RpcBuiltInProtocols.Create("json", description, _options)!;
    }

    /// <summary><c>msgpack</c>.</summary>
    public string Name => "msgpack";

    /// <summary><c>application/msgpack</c> (written) and <c>application/x-msgpack</c>.</summary>
    public IReadOnlyList<string> MediaTypes { get; } = [MediaType, LegacyMediaType];

    /// <summary>
    /// Reads <see cref="MethodContext.InString"/> (and <see cref="MethodContext.Operation"/> when the transport chose it);
    /// sets the operation and reads the arguments straight into their array, as the JSON protocol does:
    /// <see cref="MethodContext.InDocument"/>, the arguments as the XML wrapper, is built only if something reads it.
    /// </summary>
    public void CreateInDocument(MethodContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var json = ReadOnlyMemory<byte>.Empty;
        if (!context.InString.IsEmpty || context.Operation is null)
        {
            // The transport already holds an HTTP body to MaxRequestBytes; this also holds a request queued from code,
            // since the JSON it becomes is a few times its size.
            var max = _options.MaxRequestBytes;
            if (context.InString.Length > max)
            {
                throw RpcFault.Client($"The request is larger than the limit of {max} bytes.");
            }

            // What the contract expects lets the translation stop copying at the first value the argument reader refuses.
            var operation = context.Operation;
            var shape = operation is null ? ArgumentObjectShape.Routing(_description) : ArgumentObjectShape.Arguments(operation);
            json = MessagePackJsonReader.ToJson(context.InString, _options.MaxDepth, shape);
        }

        // The JSON the request became is kept (not the MessagePack bytes): the tree, if asked for, is built from it.
        _reader.Read(context, json);
    }

    /// <summary>
    /// Reads <see cref="MethodContext.InDocument"/>; sets <see cref="MethodContext.InBodyDocument"/> (MessagePack has no header).
    /// A request read without a tree only records that this stage ran, so a tree built later has its body part.
    /// </summary>
    public void DecomposeIncomingEnvelope(MethodContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentObjectReader.Decompose(context);
    }

    /// <summary>
    /// Reads <see cref="MethodContext.InBodyDocument"/>, or the arguments read without a tree when nothing read or
    /// changed the tree (or the operation) since; sets <see cref="MethodContext.InObject"/>.
    /// </summary>
    public void Deserialize(MethodContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _reader.Deserialize(context);
    }

    /// <summary>Reads <see cref="MethodContext.OutObject"/>; sets <see cref="MethodContext.OutString"/> (the MessagePack result) directly.</summary>
    public void Serialize(MethodContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var buffer = new ArrayBufferWriter<byte>(256);
        var writer = new MessagePackObjectWriter(buffer);
        ObjectModelWriter.WriteResult(ref writer, context.Operation!, context.OutObject);
        writer.Flush();
        SetOut(context, buffer);
    }

    /// <summary>Reads <see cref="MethodContext.Error"/>; sets <see cref="MethodContext.OutString"/> to the MessagePack fault.</summary>
    public void SerializeFault(MethodContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fault = context.Error as RpcFault ?? new RpcFault(RpcFaultCode.Server, "Internal Error");
        var buffer = new ArrayBufferWriter<byte>(256);
        var writer = new MessagePackObjectWriter(buffer);
        ObjectModelWriter.WriteFault(ref writer, _description, _options, fault, context.Error);
        writer.Flush();
        SetOut(context, buffer);
    }

    /// <summary>Sets <see cref="MethodContext.OutContentType"/>: <see cref="Serialize"/> and <see cref="SerializeFault"/> already wrote the bytes.</summary>
    public void CreateOutString(MethodContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.OutContentType = OutContentType(context);
    }

    /// <summary>
    /// A call as a MessagePack client sends it, <c>{"Add": {"a": 1, "b": 2}}</c>, with the content type
    /// <c>application/msgpack</c>: what <c>RpcApplication.SerializeRequest</c> stores for a queued call.
    /// </summary>
    /// <param name="operation">The operation.</param>
    /// <param name="arguments">The wire arguments, in the order of <see cref="RpcOperation.WireParameters"/>.</param>
    public (byte[] Payload, string ContentType) WriteRequest(RpcOperation operation, object?[] arguments)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        var writer = new MessagePackObjectWriter(buffer);
        ObjectModelWriter.WriteRequest(ref writer, operation, arguments);
        writer.Flush();
        return (buffer.WrittenSpan.ToArray(), MediaType);
    }

    private void SetOut(MethodContext context, ArrayBufferWriter<byte> buffer)
    {
        context.OutDocument = null;
        context.OutString = buffer.WrittenMemory;
        context.OutContentType = OutContentType(context);
    }

    /// <summary>A client that sent <c>application/x-msgpack</c> is answered in it; everyone else in <c>application/msgpack</c>.</summary>
    private string OutContentType(MethodContext context)
    {
        var contentType = context.InContentType;
        return ReferenceEquals(context.InProtocol, this) && contentType is not null
            && contentType.TrimStart().StartsWith(LegacyMediaType, StringComparison.OrdinalIgnoreCase)
            ? LegacyMediaType
            : MediaType;
    }

    // MessagePack's words in the faults of the reader it shares with JSON; the JSON is ours, so its text is always valid.
    private static readonly ArgumentObjectDialect Dialect = new()
    {
        Name = "MessagePack",
        Container = "MessagePack map",
        Noun = "map",
        Key = "key",
        ParseFailure = "The request cannot be read: ",
        ArgumentsExpected = "a map of arguments",
        Describe = Describe,
        Null = "nil",
    };

    /// <summary>A JSON value named as the MessagePack value it came from.</summary>
    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "a map",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "nil",
    };
}
