using System.Text.Json;
using System.Xml.Linq;
using SoapMiddleware.Description;

namespace SoapMiddleware.Protocols.Json;

/// <summary>
/// A JSON request read straight into its argument array (<see cref="JsonModelReader"/>), and the means to build the
/// XML wrapper <see cref="MethodContext.InDocument"/> held before, the first time a listener or wrapper asks for it.
/// MessagePack uses it too, with the JSON its request was translated into.
/// </summary>
internal sealed class JsonRequest : ArgumentsRequest
{
    private readonly ReadOnlyMemory<byte> _json;
    private readonly bool _routedByBody;
    private readonly XNamespace _namespace;
    private readonly int _maxDepth;

    private JsonRequest(ReadOnlyMemory<byte> json, bool routedByBody, RpcOperation operation, object?[] arguments, XNamespace ns, int maxDepth)
        : base(operation, arguments)
    {
        _json = json;
        _routedByBody = routedByBody;
        _namespace = ns;
        _maxDepth = maxDepth;
    }

    /// <summary>
    /// Reads <paramref name="arguments"/> (from <paramref name="json"/>, the object itself or, when
    /// <paramref name="routedByBody"/>, the value of its one property naming the operation) straight into the argument
    /// array; null when the request is not good, and the caller must read it the tree way for its fault.
    /// </summary>
    public static JsonRequest? TryRead(ReadOnlyMemory<byte> json, bool routedByBody, RpcOperation operation, JsonElement arguments, XNamespace ns, int maxDepth)
    {
        object?[] values;
        try
        {
            values = JsonModelReader.ReadMessage(arguments, operation.Request);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever went wrong (a rule, a bad value, text that is not UTF-8, a constructor that throws), the tree
            // path raises it with its own message and from its own stage.
            return null;
        }

        return new JsonRequest(json, routedByBody, operation, values, ns, maxDepth);
    }

    /// <summary>
    /// Reads a request with no body (<c>POST /json/calculator/Ping</c>): an operation without arguments, read straight
    /// when <paramref name="direct"/>, else as its empty XML wrapper; an operation that needs arguments fails later,
    /// naming the first one missing. Shared by JSON and MessagePack, whose empty bodies mean the same.
    /// </summary>
    public static void ReadEmpty(MethodContext context, RpcOperation operation, bool direct, XNamespace ns, int maxDepth)
    {
        if (direct && TryRead(default, false, operation, JsonModelReader.EmptyArguments, ns, maxDepth) is { } empty)
        {
            context.SetInDocumentSource(empty);
            return;
        }

        context.InDocument = new XDocument(new XElement(ns + operation.Request.ElementName));
    }

    /// <inheritdoc />
    public override XDocument LoadDocument()
    {
        if (_json.IsEmpty)
        {
            return new XDocument(new XElement(_namespace + Operation.Request.ElementName));
        }

        // The text was parsed and read once already with these options, so neither parsing nor converting fails here.
        using var document = JsonDocument.Parse(_json, new JsonDocumentOptions { MaxDepth = _maxDepth });
        var arguments = document.RootElement;
        if (_routedByBody)
        {
            using var properties = arguments.EnumerateObject();
            properties.MoveNext();
            arguments = properties.Current.Value;
        }

        return new XDocument(JsonArgumentReader.ReadMessage(arguments, Operation.Request, _namespace));
    }
}
