using System.Buffers;
using System.Text.Json;
using System.Xml.Linq;

using SoapMiddleware.Description;
using SoapMiddleware.Protocols.Objects;

namespace SoapMiddleware.Protocols.Json;

/// <summary>
/// JSON over HTTP (Spyne's <c>JsonDocument</c>). The request is either the arguments object of an operation the
/// transport already chose from the route (<c>POST /json/calculator/Add</c> with <c>{"a":1,"b":2}</c>), or an object
/// naming the operation (<c>{"Add": {"a":1,"b":2}}</c>). The arguments are read by the type model's codecs and rules;
/// a request that breaks one is read as the wrapper element a SOAP body would hold, by the same model reader as SOAP,
/// so validation and Client-fault messages match SOAP exactly.
/// The response is <c>{"AddResult": 3}</c> (<c>{}</c> for void), a fault is <c>{"fault": {...}}</c>. It also writes
/// requests (<see cref="IRpcRequestWriter"/>), so the queue's producer can store a typed call as JSON.
/// </summary>
/// <remarks>
/// The arguments are read straight from the JSON into their array (<see cref="JsonModelReader"/>);
/// <see cref="MethodContext.InDocument"/>, the arguments converted to XML (the SOAP body's wrapper element, no
/// envelope), is built only when something reads it; <see cref="MethodContext.InHeaderDocument"/> is null. The response is written straight to
/// <see cref="MethodContext.OutString"/>: <see cref="MethodContext.OutDocument"/> stays null for JSON.
/// </remarks>
internal sealed partial class JsonProtocol(RpcDescription description, RpcOptions options) : IRpcProtocol, IRpcRequestWriter
{
    /// <summary>The media type this protocol reads and writes.</summary>
    public const string MediaType = "application/json";

    private const string OutContentType = MediaType + "; charset=utf-8";

    // Relaxed escaping: the body is application/json, never embedded in HTML, so "<", "&", "'" and non-ASCII
    // letters are written as they are (quotes, backslashes and control characters are still escaped).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArgumentObjectReader _reader = new(description, options, ArgumentObjectDialect.Json);

    public string Name => "json";

    public IReadOnlyList<string> MediaTypes { get; } = [MediaType];

    /// <summary>JSON reads <c>application/json</c> and any <c>+json</c> type.</summary>
    public bool CanRead(string? mediaType) => Accepts(mediaType);

    /// <summary>Whether a request content type is JSON: <c>application/json</c> or any <c>+json</c> type.</summary>
    public static bool Accepts(string? mediaType)
        => string.Equals(mediaType, MediaType, StringComparison.OrdinalIgnoreCase)
           || (mediaType is not null && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Reads <see cref="MethodContext.InString"/> (and <see cref="MethodContext.Operation"/> when the transport chose it);
    /// sets the operation, and reads the arguments straight into their array (<see cref="JsonRequest"/>):
    /// <see cref="MethodContext.InDocument"/>, the arguments as the XML wrapper, is built only if something reads it.
    /// A request that is not good is read the tree way instead, so its fault is the one it always was.
    /// </summary>
    public void CreateInDocument(MethodContext context) => Read(context, direct: true);

    /// <summary>
    /// The tree path <see cref="CreateInDocument"/> replaced, kept for requests that are not good and as the oracle of
    /// the tests: sets <see cref="MethodContext.InDocument"/> to the XML wrapper, read by the model reader later.
    /// </summary>
    internal void CreateInDocumentTree(MethodContext context) => Read(context, direct: false);

    /// <summary>
    /// Reads <see cref="MethodContext.InDocument"/>; sets <see cref="MethodContext.InBodyDocument"/> (JSON has no header).
    /// A request read without a tree only records that this stage ran, so a tree built later has its body part.
    /// </summary>
    public void DecomposeIncomingEnvelope(MethodContext context) => ArgumentObjectReader.Decompose(context);

    /// <summary>
    /// Reads <see cref="MethodContext.InBodyDocument"/>, or the arguments read without a tree when nothing read or
    /// changed the tree (or the operation) since; sets <see cref="MethodContext.InObject"/>.
    /// </summary>
    public void Deserialize(MethodContext context) => _reader.Deserialize(context);

    /// <summary>Reads <see cref="MethodContext.OutObject"/>; sets <see cref="MethodContext.OutString"/> (the JSON result) directly.</summary>
    public void Serialize(MethodContext context)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var json = new JsonObjectWriter(writer);
            ObjectModelWriter.WriteResult(ref json, context.Operation!, context.OutObject);
        }

        SetOut(context, buffer);
    }

    /// <summary>Reads <see cref="MethodContext.Error"/>; sets <see cref="MethodContext.OutString"/> to the JSON fault.</summary>
    public void SerializeFault(MethodContext context)
    {
        var fault = context.Error as RpcFault ?? new RpcFault(RpcFaultCode.Server, "Internal Error");
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var json = new JsonObjectWriter(writer);
            ObjectModelWriter.WriteFault(ref json, description, options, fault, context.Error);
        }

        SetOut(context, buffer);
    }

    /// <summary>Nothing left to do: <see cref="Serialize"/> and <see cref="SerializeFault"/> wrote the bytes.</summary>
    public void CreateOutString(MethodContext context) => context.OutContentType = OutContentType;

    /// <summary>
    /// A call as a JSON client sends it to an endpoint without an operation in its path, <c>{"Add": {"a": 1, "b": 2}}</c>,
    /// written by the same model writer as results, so what the reader accepts is what is written.
    /// </summary>
    public (byte[] Payload, string ContentType) WriteRequest(Description.RpcOperation operation, object?[] arguments)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var json = new JsonObjectWriter(writer);
            ObjectModelWriter.WriteRequest(ref json, operation, arguments);
        }

        return (buffer.WrittenSpan.ToArray(), OutContentType);
    }

    /// <summary>A fault as bytes, for a transport that refuses a request before the pipeline runs (415, 405).</summary>
    public byte[] WriteFault(RpcFault fault)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var json = new JsonObjectWriter(writer);
            ObjectModelWriter.WriteFault(ref json, description, options, fault, fault);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private void Read(MethodContext context, bool direct) => _reader.Read(context, context.InString, direct);

    private static void SetOut(MethodContext context, ArrayBufferWriter<byte> buffer)
    {
        context.OutDocument = null;
        context.OutString = buffer.WrittenMemory;
        context.OutContentType = OutContentType;
    }
}
