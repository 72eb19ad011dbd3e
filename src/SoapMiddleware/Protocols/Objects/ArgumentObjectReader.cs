using System.Text.Json;
using System.Xml.Linq;
using SoapMiddleware.Description;
using SoapMiddleware.Protocols.Json;

namespace SoapMiddleware.Protocols.Objects;

/// <summary>
/// Reads a request that is an object of arguments, as JSON: the arguments object of an operation the transport chose
/// (<c>{"a":1,"b":2}</c>), or an object naming the operation (<c>{"Add": {...}}</c>). The JSON protocol reads its body
/// with it, the MessagePack protocol the JSON its body becomes, so routing, the direct read, the tree fallback and the
/// faults are written once; <see cref="ArgumentObjectDialect"/> gives each format its words. A protocol of your own
/// whose requests are objects (translate them to JSON, as MessagePack does) calls it from its first three steps:
/// <see cref="Read(MethodContext, ReadOnlyMemory{byte})"/>, <see cref="Decompose"/>, <see cref="Deserialize"/>; it answers with <see cref="ObjectModelWriter"/>.
/// </summary>
public sealed class ArgumentObjectReader
{
    private readonly RpcDescription _description;
    private readonly RpcOptions _options;
    private readonly ArgumentObjectDialect _dialect;
    private readonly XNamespace _namespace;

    /// <summary>Creates the reader of a protocol; one per protocol instance, safe for concurrent calls.</summary>
    /// <param name="description">The services whose calls it reads.</param>
    /// <param name="options">The limits (<see cref="RpcOptions.MaxDepth"/>).</param>
    /// <param name="dialect">The format's words in the faults.</param>
    public ArgumentObjectReader(RpcDescription description, RpcOptions options, ArgumentObjectDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dialect);
        _description = description;
        _options = options;
        _dialect = dialect;
        _namespace = XNamespace.Get(description.Namespace);
    }

    /// <summary>
    /// The <see cref="IRpcProtocol.CreateInDocument"/> step: reads <paramref name="json"/> (and
    /// <see cref="MethodContext.Operation"/> when the transport chose it); sets the operation, and reads the arguments
    /// straight into their array; <see cref="MethodContext.InDocument"/>, the arguments as the XML wrapper a SOAP body
    /// holds, is built only if something reads it (and at once for a request that breaks a rule, so its Client fault
    /// names the element as SOAP's does). An empty request with a chosen operation reads as no arguments; without one
    /// it is a Client fault.
    /// </summary>
    /// <param name="context">The call.</param>
    /// <param name="json">The request as UTF-8 JSON.</param>
    public void Read(MethodContext context, ReadOnlyMemory<byte> json)
    {
        ArgumentNullException.ThrowIfNull(context);
        Read(context, json, direct: true);
    }

    /// <summary>
    /// Reads <paramref name="json"/> (and <see cref="MethodContext.Operation"/> when the transport chose it); sets the
    /// operation, and the arguments read straight into their array, or (<paramref name="direct"/> false, or a request
    /// that is not good) <see cref="MethodContext.InDocument"/> as the XML wrapper. An empty (or blank) request with a
    /// chosen operation reads as no arguments; without one it is a Client fault saying the body is empty.
    /// </summary>
    internal void Read(MethodContext context, ReadOnlyMemory<byte> json, bool direct)
    {
        var operation = context.Operation;
        var maxDepth = _options.MaxDepth;
        if (json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            // Said in the request's terms rather than the parser's ("The input does not contain any JSON tokens ...").
            if (operation is null)
            {
                throw RpcFault.Client($"The request body is empty; expected a {_dialect.Container} naming the operation, such as {{\"{_description.Operations.FirstOrDefault()?.Name ?? "Operation"}\": {{...}}}}.");
            }

            JsonRequest.ReadEmpty(context, operation, direct, _namespace, maxDepth);
            return;
        }

        using var document = Parse(json);
        var arguments = document.RootElement;
        try
        {
            var routedByBody = operation is null;
            if (operation is null)
            {
                (operation, arguments) = Route(arguments);
                context.Operation = operation;
            }

            if (_dialect.ArgumentsExpected is { } expected && arguments.ValueKind != JsonValueKind.Object)
            {
                throw RpcFault.Client($"Element '{operation.Request.ElementName}': expected {expected}, got {_dialect.Describe(arguments)}.");
            }

            if (direct && JsonRequest.TryRead(json, routedByBody, operation, arguments, _namespace, maxDepth) is { } request)
            {
                context.SetInDocumentSource(request);
                return;
            }

            context.InDocument = new XDocument(JsonArgumentReader.ReadMessage(arguments, operation.Request, _namespace));
        }
        catch (InvalidOperationException ex) when (_dialect.InvalidText is not null && ex.Message.Contains("UTF", StringComparison.Ordinal))
        {
            // A property name System.Text.Json cannot turn into text (invalid UTF-8, a lone surrogate): the client's mistake.
            throw RpcFault.Client(_dialect.InvalidText);
        }
    }

    /// <summary>
    /// The <see cref="IRpcProtocol.DecomposeIncomingEnvelope"/> step: reads <see cref="MethodContext.InDocument"/>; sets
    /// <see cref="MethodContext.InBodyDocument"/> (no header). A request read without a tree only records that this
    /// stage ran, so a tree built later has its body part.
    /// </summary>
    /// <param name="context">The call.</param>
    public static void Decompose(MethodContext context)
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
    /// The <see cref="IRpcProtocol.Deserialize"/> step: reads <see cref="MethodContext.InBodyDocument"/>, or the
    /// arguments read without a tree when nothing read or changed the tree (or the operation) since; sets
    /// <see cref="MethodContext.InObject"/>. A required in header is a Client fault: the format cannot carry one.
    /// </summary>
    /// <param name="context">The call.</param>
    public void Deserialize(MethodContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var operation = context.Operation!;
        context.InObject = ArgumentsRequest.Unchanged(context) ?? _description.Serializer.ReadMessage(context.InBodyDocument!, operation.Request, _dialect.Null);
        foreach (var header in operation.Headers)
        {
            if (header.IsIn && header.Required)
            {
                throw RpcFault.Client($"The operation '{operation.Name}' requires the header '{header.Element.LocalName}', which {_dialect.Name} cannot carry; call it over SOAP.");
            }
        }
    }

    private JsonDocument Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = _options.MaxDepth });
        }
        catch (JsonException ex)
        {
            throw RpcFault.Client(_dialect.ParseFailure + EchoedText.CapMessage(ex.Message));
        }
    }

    /// <summary>The body names the operation: <c>{"Add": {"a": 1, "b": 2}}</c>.</summary>
    private (RpcOperation Operation, JsonElement Arguments) Route(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw RpcFault.Client($"Expected a {_dialect.Container} naming the operation, such as {{\"{_description.Operations.FirstOrDefault()?.Name ?? "Operation"}\": {{...}}}}, got {_dialect.Describe(root)}.");
        }

        using var properties = root.EnumerateObject();
        if (!properties.MoveNext())
        {
            throw RpcFault.Client($"The {_dialect.Container} is empty; expected one {_dialect.Key} naming the operation.");
        }

        var property = properties.Current;
        if (properties.MoveNext())
        {
            throw RpcFault.Client($"Expected one {_dialect.Key} naming the operation, but the {_dialect.Noun} has more ('{EchoedText.Cap(property.Name)}', '{EchoedText.Cap(properties.Current.Name)}', ...).");
        }

        var operation = _description.FindOperation(property.Name)
            ?? throw RpcFault.Client($"Unknown operation '{EchoedText.Cap(property.Name)}'.");
        return (operation, property.Value);
    }
}
