using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.WebUtilities;
using SoapMiddleware.Description;
using SoapMiddleware.Model;
using SoapMiddleware.Protocols.Json;

namespace SoapMiddleware.Protocols.HttpRpc;

/// <summary>
/// Spyne's <c>HttpRpc</c>: the transport chooses the operation from the path, the arguments come from the query string
/// (<c>GET /rpc/calculator/Add?a=1&amp;b=2</c>). The request is <see cref="MethodContext.InString"/> = the query string's
/// UTF-8 bytes (without <c>?</c>). Primitive and enum arguments only (an array of them as a repeated key); a complex
/// argument is a Client fault. Like JSON, the arguments are read straight into their array by the type model's codecs
/// and rules, and a query that breaks one becomes the SOAP wrapper element read by the same model reader as SOAP, so
/// faults match; results and faults are written as JSON.
/// </summary>
internal sealed class HttpRpcProtocol(RpcDescription description, JsonProtocol json) : IRpcProtocol
{
    private readonly XNamespace _namespace = XNamespace.Get(description.Namespace);

    public string Name => "httprpc";

    /// <summary>None: the request is the query string, whatever the content type.</summary>
    public IReadOnlyList<string> MediaTypes { get; } = [];

    public RpcHttpBinding HttpBinding => HttpRpcHttpBinding.Instance;

    public bool CanRead(string? mediaType) => true;

    /// <summary>
    /// Reads <see cref="MethodContext.InString"/> and <see cref="MethodContext.Operation"/>; reads the arguments straight
    /// into their array (<see cref="HttpRpcRequest"/>), so <see cref="MethodContext.InDocument"/>, the XML wrapper, is
    /// built only if something reads it. A query that is not good is read the tree way, for the fault it always got.
    /// </summary>
    public void CreateInDocument(MethodContext context) => Read(context, direct: true);

    /// <summary>The tree path <see cref="CreateInDocument"/> replaced, kept for bad queries and as the oracle of the tests.</summary>
    internal void CreateInDocumentTree(MethodContext context) => Read(context, direct: false);

    /// <summary>The query string's keys and values (<c>null</c> for an empty query).</summary>
    internal static Dictionary<string, Microsoft.Extensions.Primitives.StringValues>? ParseQuery(ReadOnlyMemory<byte> query)
        => QueryHelpers.ParseNullableQuery(Encoding.UTF8.GetString(query.Span));

    /// <summary>The SOAP wrapper element of the query's arguments; an unknown key or a complex argument is a Client fault.</summary>
    internal XElement BuildWrapper(RpcMessage message, Dictionary<string, Microsoft.Extensions.Primitives.StringValues>? query)
    {
        var wrapper = new XElement(_namespace + message.ElementName);
        if (query is not null)
        {
            foreach (var (key, values) in query)
            {
                var member = FindMember(message.Members, key)
                    ?? throw RpcFault.Client($"Element '{message.ElementName}/{EchoedText.Cap(key)}': unknown element; expected {Expected(message.Members)}.");
                wrapper.Add(Arguments(member, values, message.ElementName));
            }
        }

        return wrapper;
    }

    private void Read(MethodContext context, bool direct)
    {
        var operation = context.Operation ?? throw RpcFault.Client("HTTP RPC takes the operation from the path, such as /rpc/service/Add?a=1&b=2.");
        var query = ParseQuery(context.InString);
        if (direct && TryReadDirect(operation.Request, query) is { } arguments)
        {
            context.SetInDocumentSource(new HttpRpcRequest(this, context.InString, operation, arguments));
            return;
        }

        context.InDocument = new XDocument(BuildWrapper(operation.Request, query));
    }

    /// <summary>
    /// The arguments as the model reader reads the wrapper <see cref="BuildWrapper"/> makes: the same member lookup,
    /// the type's codec, the member's rules, the array count rules, the absent values. Null when anything is wrong
    /// (the tree path then raises the fault, from its own stage) or unusual, such as a key given twice.
    /// </summary>
    private static object?[]? TryReadDirect(RpcMessage message, Dictionary<string, Microsoft.Extensions.Primitives.StringValues>? query)
    {
        var members = message.Members;
        var values = members.Count == 0 ? [] : new object?[members.Count];
        Array.Fill(values, ComplexAccessor.Missing);
        try
        {
            foreach (var (key, texts) in query ?? [])
            {
                var index = FindMember(members, key) is { } member ? IndexOf(members, member) : -1;
                if (index < 0 || !ReferenceEquals(values[index], ComplexAccessor.Missing))
                {
                    return null;
                }

                values[index] = ReadArgument(members[index], texts);
                if (ReferenceEquals(values[index], ComplexAccessor.Missing))
                {
                    return null;
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bad value or a rule, or a codec that throws: the tree path raises it with its message, from its stage.
            return null;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (ReferenceEquals(values[i], ComplexAccessor.Missing))
            {
                if (members[i].MinOccurs > 0)
                {
                    return null;
                }

                values[i] = members[i].AbsentValue;
            }
        }

        return values;
    }

    /// <summary>One member's value from its query values; <see cref="ComplexAccessor.Missing"/> when only the tree path can say what is wrong.</summary>
    private static object? ReadArgument(RpcMember member, Microsoft.Extensions.Primitives.StringValues texts)
    {
        var type = member.Type;
        switch (type.Kind)
        {
            case RpcTypeKind.Primitive or RpcTypeKind.Enum when texts.Count == 1:
                return ReadPrimitive(texts[0] ?? "", type, member.Constraints) ?? ComplexAccessor.Missing;
            case RpcTypeKind.Array when type.ItemType!.Kind is RpcTypeKind.Primitive or RpcTypeKind.Enum:
                if (member.Constraints is { } constraints && constraints.ValidateCount(texts.Count) is not null)
                {
                    return ComplexAccessor.Missing;
                }

                var shape = type.Shape!;
                var buffer = shape.CreateBuffer(texts.Count);
                for (var i = 0; i < texts.Count; i++)
                {
                    shape.Set(buffer, i, XmlModelReader.Parse(texts[i] ?? "", type.ItemType));
                }

                return shape.Complete(buffer);
            default:
                return ComplexAccessor.Missing;
        }
    }

    private static object? ReadPrimitive(string text, RpcType type, MemberConstraints? constraints)
    {
        var value = XmlModelReader.Parse(text, type);
        return constraints is not null && constraints.Validate(value, text) is not null ? null : value;
    }

    // Exact name first, then any case, as the wrapper is built.
    private static RpcMember? FindMember(IReadOnlyList<RpcMember> members, string key)
        => members.FirstOrDefault(m => m.Name == key) ?? members.FirstOrDefault(m => string.Equals(m.Name, key, StringComparison.OrdinalIgnoreCase));

    private static int IndexOf(IReadOnlyList<RpcMember> members, RpcMember member)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (ReferenceEquals(members[i], member))
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public void DecomposeIncomingEnvelope(MethodContext context) => json.DecomposeIncomingEnvelope(context);

    /// <inheritdoc />
    public void Deserialize(MethodContext context) => json.Deserialize(context);

    /// <inheritdoc />
    public void Serialize(MethodContext context) => json.Serialize(context);

    /// <inheritdoc />
    public void SerializeFault(MethodContext context) => json.SerializeFault(context);

    /// <inheritdoc />
    public void CreateOutString(MethodContext context) => json.CreateOutString(context);

    private IEnumerable<XElement> Arguments(RpcMember member, Microsoft.Extensions.Primitives.StringValues values, string wrapper)
    {
        var name = member.ElementName ?? _namespace + member.Name;
        switch (member.Type.Kind)
        {
            case RpcTypeKind.Primitive or RpcTypeKind.Enum:
                // Each value an element: a repeated key reads as "the element appears more than once".
                return values.Select(v => new XElement(name, v));
            case RpcTypeKind.Array when member.Type.ItemType!.Kind is RpcTypeKind.Primitive or RpcTypeKind.Enum:
                var itemName = member.Type.ItemElementName ?? _namespace + member.Type.ItemType.ItemName;
                return [new XElement(name, values.Select(v => new XElement(itemName, v)))];
            default:
                throw RpcFault.Client($"Element '{wrapper}/{member.Name}': the argument is of the complex type {XmlNames.Display(member.Type.SchemaName)}, which a query string cannot carry; call the operation over JSON or SOAP.");
        }
    }

    private static string Expected(IReadOnlyList<RpcMember> members)
        => members.Count == 0 ? "no arguments" : string.Join(", ", members.Select(m => m.Name));
}
