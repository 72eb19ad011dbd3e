using System.Text.Json;
using System.Xml.Linq;
using SoapMiddleware.Description;

namespace SoapMiddleware.Protocols.Json;

/// <summary>
/// Reads a request that is an object of arguments, as JSON: the arguments object of an operation the transport chose
/// (<c>{"a":1,"b":2}</c>), or an object naming the operation (<c>{"Add": {...}}</c>). The JSON protocol reads its body
/// with it, the MessagePack protocol the JSON its body becomes, so routing, the direct read, the tree fallback and the
/// faults are written once; <see cref="ArgumentObjectDialect"/> gives each format its words.
/// </summary>
internal sealed class ArgumentObjectReader(RpcDescription description, RpcOptions options, ArgumentObjectDialect dialect)
{
    private readonly XNamespace _namespace = XNamespace.Get(description.Namespace);

    /// <summary>
    /// Reads <paramref name="json"/> (and <see cref="MethodContext.Operation"/> when the transport chose it); sets the
    /// operation, and the arguments read straight into their array, or (<paramref name="direct"/> false, or a request
    /// that is not good) <see cref="MethodContext.InDocument"/> as the XML wrapper. An empty (or blank) request with a
    /// chosen operation reads as no arguments; without one it is a Client fault saying the body is empty.
    /// </summary>
    public void Read(MethodContext context, ReadOnlyMemory<byte> json, bool direct)
    {
        var operation = context.Operation;
        var maxDepth = options.MaxDepth;
        if (json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            // Said in the request's terms rather than the parser's ("The input does not contain any JSON tokens ...").
            if (operation is null)
            {
                throw RpcFault.Client($"The request body is empty; expected a {dialect.Container} naming the operation, such as {{\"{description.Operations.FirstOrDefault()?.Name ?? "Operation"}\": {{...}}}}.");
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

            if (dialect.ArgumentsExpected is { } expected && arguments.ValueKind != JsonValueKind.Object)
            {
                throw RpcFault.Client($"Element '{operation.Request.ElementName}': expected {expected}, got {dialect.Describe(arguments)}.");
            }

            if (direct && JsonRequest.TryRead(json, routedByBody, operation, arguments, _namespace, maxDepth) is { } request)
            {
                context.SetInDocumentSource(request);
                return;
            }

            context.InDocument = new XDocument(JsonArgumentReader.ReadMessage(arguments, operation.Request, _namespace));
        }
        catch (InvalidOperationException ex) when (dialect.InvalidText is not null && ex.Message.Contains("UTF", StringComparison.Ordinal))
        {
            // A property name System.Text.Json cannot turn into text (invalid UTF-8, a lone surrogate): the client's mistake.
            throw RpcFault.Client(dialect.InvalidText);
        }
    }

    /// <summary>
    /// Reads <see cref="MethodContext.InDocument"/>; sets <see cref="MethodContext.InBodyDocument"/> (no header). A
    /// request read without a tree only records that this stage ran, so a tree built later has its body part.
    /// </summary>
    public static void Decompose(MethodContext context)
    {
        if (ArgumentsRequest.TryDecompose(context))
        {
            return;
        }

        context.InHeaderDocument = null;
        context.InBodyDocument = context.InDocument?.Root ?? throw RpcFault.Client("The request has no arguments.");
    }

    /// <summary>
    /// Reads <see cref="MethodContext.InBodyDocument"/>, or the arguments read without a tree when nothing read or
    /// changed the tree (or the operation) since; sets <see cref="MethodContext.InObject"/>. A required in header is a
    /// Client fault: the format cannot carry one.
    /// </summary>
    public void Deserialize(MethodContext context)
    {
        var operation = context.Operation!;
        context.InObject = ArgumentsRequest.Unchanged(context) ?? description.Serializer.ReadMessage(context.InBodyDocument!, operation.Request, dialect.Null);
        foreach (var header in operation.Headers)
        {
            if (header.IsIn && header.Required)
            {
                throw RpcFault.Client($"The operation '{operation.Name}' requires the header '{header.Element.LocalName}', which {dialect.Name} cannot carry; call it over SOAP.");
            }
        }
    }

    private JsonDocument Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = options.MaxDepth });
        }
        catch (JsonException ex)
        {
            throw RpcFault.Client(dialect.ParseFailure + EchoedText.CapMessage(ex.Message));
        }
    }

    /// <summary>The body names the operation: <c>{"Add": {"a": 1, "b": 2}}</c>.</summary>
    private (RpcOperation Operation, JsonElement Arguments) Route(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw RpcFault.Client($"Expected a {dialect.Container} naming the operation, such as {{\"{description.Operations.FirstOrDefault()?.Name ?? "Operation"}\": {{...}}}}, got {dialect.Describe(root)}.");
        }

        using var properties = root.EnumerateObject();
        if (!properties.MoveNext())
        {
            throw RpcFault.Client($"The {dialect.Container} is empty; expected one {dialect.Key} naming the operation.");
        }

        var property = properties.Current;
        if (properties.MoveNext())
        {
            throw RpcFault.Client($"Expected one {dialect.Key} naming the operation, but the {dialect.Noun} has more ('{EchoedText.Cap(property.Name)}', '{EchoedText.Cap(properties.Current.Name)}', ...).");
        }

        var operation = description.FindOperation(property.Name)
            ?? throw RpcFault.Client($"Unknown operation '{EchoedText.Cap(property.Name)}'.");
        return (operation, property.Value);
    }
}
