using System.Buffers;
using System.Text.Json;
using System.Xml.Linq;
using MessagePack;
using SoapMiddleware.Description;
using SoapMiddleware.Protocols;
using SoapMiddleware.Protocols.Json;

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
/// accepts <c>application/msgpack</c> bodies too, and <see cref="RpcApplication.SerializeRequest"/> writes requests with
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
public sealed class MessagePackProtocol : IRpcProtocol, IRpcRequestWriter
{
    /// <summary>The media type this protocol writes, and reads.</summary>
    public const string MediaType = "application/msgpack";

    /// <summary>The older, unregistered media type many clients still send; read too, and answered in kind.</summary>
    public const string LegacyMediaType = "application/x-msgpack";

    private readonly RpcApplication _application;
    private readonly XNamespace _namespace;

    /// <summary>Creates the protocol for <paramref name="application"/>; <c>AddProtocol&lt;T&gt;()</c> does this once per application.</summary>
    public MessagePackProtocol(RpcApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        _application = application;
        _namespace = XNamespace.Get(application.Namespace);
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
    public void CreateInDocument(MethodContext context) => Read(context, direct: true);

    /// <summary>The tree path <see cref="CreateInDocument"/> replaced, kept as the oracle of the tests.</summary>
    internal void CreateInDocumentTree(MethodContext context) => Read(context, direct: false);

    /// <summary>
    /// Reads <see cref="MethodContext.InDocument"/>; sets <see cref="MethodContext.InBodyDocument"/> (MessagePack has no header).
    /// A request read without a tree only records that this stage ran, so a tree built later has its body part.
    /// </summary>
    public void DecomposeIncomingEnvelope(MethodContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ArgumentsRequest.TryDecompose(context))
        {
            return;
        }

        context.InHeaderDocument = null;
        context.InBodyDocument = context.InDocument?.Root ?? throw RpcFault.Client("The request has no arguments.");
    }

    /// <summary>
    /// Reads <see cref="MethodContext.InBodyDocument"/>, or the arguments read without a tree when nothing read or
    /// changed the tree (or the operation) since; sets <see cref="MethodContext.InObject"/>.
    /// </summary>
    public void Deserialize(MethodContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var operation = context.Operation!;
        context.InObject = ArgumentsRequest.Unchanged(context) ?? _application.Serializer.ReadMessage(context.InBodyDocument!, operation.Request);
        foreach (var header in operation.Headers)
        {
            if (header.IsIn && header.Required)
            {
                throw RpcFault.Client($"The operation '{operation.Name}' requires the header '{header.Element.LocalName}', which MessagePack cannot carry; call it over SOAP.");
            }
        }
    }

    /// <summary>Reads <see cref="MethodContext.OutObject"/>; sets <see cref="MethodContext.OutString"/> (the MessagePack result) directly.</summary>
    public void Serialize(MethodContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var operation = context.Operation!;
        object?[] values = operation.IsVoid ? [] : [context.OutObject];
        var buffer = new ArrayBufferWriter<byte>(256);
        var writer = new MessagePackWriter(buffer);
        MessagePackModelWriter.WriteMessage(ref writer, operation.Response, values);
        writer.Flush();
        SetOut(context, buffer);
    }

    /// <summary>Reads <see cref="MethodContext.Error"/>; sets <see cref="MethodContext.OutString"/> to the MessagePack fault.</summary>
    public void SerializeFault(MethodContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fault = context.Error as RpcFault ?? new RpcFault(RpcFaultCode.Server, "Internal Error");
        var buffer = new ArrayBufferWriter<byte>(256);
        var writer = new MessagePackWriter(buffer);
        MessagePackFaultWriter.Write(ref writer, _application, fault, context.Error);
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
    /// <c>application/msgpack</c>: what <see cref="RpcApplication.SerializeRequest"/> stores for a queued call.
    /// </summary>
    /// <param name="operation">The operation.</param>
    /// <param name="arguments">The wire arguments, in the order of <see cref="RpcOperation.WireParameters"/>.</param>
    public (byte[] Payload, string ContentType) WriteRequest(RpcOperation operation, object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(arguments);
        var members = operation.Request.Members;
        if (arguments.Length != members.Count)
        {
            throw new ArgumentException($"The operation '{operation.Name}' takes {members.Count} arguments, not {arguments.Length}.", nameof(arguments));
        }

        var buffer = new ArrayBufferWriter<byte>(128);
        var writer = new MessagePackWriter(buffer);
        writer.WriteMapHeader(1);
        writer.Write(operation.Name);
        MessagePackModelWriter.WriteMessage(ref writer, operation.Request, arguments);
        writer.Flush();
        return (buffer.WrittenSpan.ToArray(), MediaType);
    }

    private void Read(MethodContext context, bool direct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var operation = context.Operation;
        var maxDepth = _application.Options.MaxDepth;
        if (context.InString.IsEmpty && operation is not null)
        {
            JsonRequest.ReadEmpty(context, operation, direct, _namespace, maxDepth);
            return;
        }

        // The transport already holds an HTTP body to MaxRequestBytes; this also holds a request queued from code,
        // since the JSON it becomes is a few times its size.
        var max = _application.Options.MaxRequestBytes;
        if (context.InString.Length > max)
        {
            throw RpcFault.Client($"The request is larger than the limit of {max} bytes.");
        }

        // What the contract expects lets the translation stop copying at the first value the argument reader refuses.
        var shape = operation is null ? MessagePackShape.Routing(_application.FindOperation) : MessagePackShape.Arguments(operation.Request);
        var json = MessagePackJsonReader.ToJson(context.InString, maxDepth, shape);
        using var document = Parse(json);
        var arguments = document.RootElement;
        var routedByBody = operation is null;
        if (operation is null)
        {
            (operation, arguments) = Route(arguments);
            context.Operation = operation;
        }

        if (arguments.ValueKind != JsonValueKind.Object)
        {
            throw RpcFault.Client($"Element '{operation.Request.ElementName}': expected a map of arguments, got {Describe(arguments)}.");
        }

        // The JSON the request became is kept (not the MessagePack bytes): the tree, if asked for, is built from it.
        if (direct && JsonRequest.TryRead(json, routedByBody, operation, arguments, _namespace, maxDepth) is { } request)
        {
            context.SetInDocumentSource(request);
            return;
        }

        context.InDocument = new XDocument(JsonArgumentReader.ReadMessage(arguments, operation.Request, _namespace));
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

    private JsonDocument Parse(byte[] json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = _application.Options.MaxDepth });
        }
        catch (JsonException ex)
        {
            // Only the depth limit can get here: the JSON is ours, written from a well-formed MessagePack value.
            throw RpcFault.Client($"The request cannot be read: {EchoedText.CapMessage(ex.Message)}");
        }
    }

    /// <summary>The body names the operation: <c>{"Add": {"a": 1, "b": 2}}</c>.</summary>
    private (RpcOperation Operation, JsonElement Arguments) Route(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw RpcFault.Client($"Expected a MessagePack map naming the operation, such as {{\"{_application.Operations.FirstOrDefault()?.Name ?? "Operation"}\": {{...}}}}, got {Describe(root)}.");
        }

        using var properties = root.EnumerateObject();
        if (!properties.MoveNext())
        {
            throw RpcFault.Client("The MessagePack map is empty; expected one key naming the operation.");
        }

        var property = properties.Current;
        if (properties.MoveNext())
        {
            throw RpcFault.Client($"Expected one key naming the operation, but the map has more ('{EchoedText.Cap(property.Name)}', '{EchoedText.Cap(properties.Current.Name)}', ...).");
        }

        var operation = _application.FindOperation(property.Name)
            ?? throw RpcFault.Client($"Unknown operation '{EchoedText.Cap(property.Name)}'.");
        return (operation, property.Value);
    }

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
