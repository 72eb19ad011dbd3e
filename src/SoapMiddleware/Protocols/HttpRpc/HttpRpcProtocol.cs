using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.WebUtilities;
using SoapMiddleware.Model;
using SoapMiddleware.Protocols.Json;

namespace SoapMiddleware.Protocols.HttpRpc;

/// <summary>
/// Spyne's <c>HttpRpc</c>: the transport chooses the operation from the path, the arguments come from the query string
/// (<c>GET /rpc/calculator/Add?a=1&amp;b=2</c>). The request is <see cref="MethodContext.InString"/> = the query string's
/// UTF-8 bytes (without <c>?</c>). Primitive and enum arguments only (an array of them as a repeated key); a complex
/// argument is a Client fault. Like JSON, the arguments become the SOAP wrapper element and are read by the same
/// model reader; results and faults are written as JSON.
/// </summary>
internal sealed class HttpRpcProtocol(RpcApplication application, JsonProtocol json) : IRpcProtocol
{
    private readonly XNamespace _namespace = XNamespace.Get(application.Namespace);

    public string Name => "httprpc";

    /// <summary>None: the request is the query string, whatever the content type.</summary>
    public IReadOnlyList<string> MediaTypes { get; } = [];

    public RpcHttpBinding HttpBinding => HttpRpcHttpBinding.Instance;

    public bool CanRead(string? mediaType) => true;

    /// <summary>Reads <see cref="MethodContext.InString"/> and <see cref="MethodContext.Operation"/>; sets <see cref="MethodContext.InDocument"/> to the XML wrapper.</summary>
    public void CreateInDocument(MethodContext context)
    {
        var operation = context.Operation ?? throw RpcFault.Client("HTTP RPC takes the operation from the path, such as /rpc/service/Add?a=1&b=2.");
        var message = operation.Request;
        var wrapper = new XElement(_namespace + message.ElementName);
        var query = QueryHelpers.ParseNullableQuery(Encoding.UTF8.GetString(context.InString.Span));
        if (query is not null)
        {
            foreach (var (key, values) in query)
            {
                var member = message.Members.FirstOrDefault(m => m.Name == key)
                    ?? message.Members.FirstOrDefault(m => string.Equals(m.Name, key, StringComparison.OrdinalIgnoreCase))
                    ?? throw RpcFault.Client($"Element '{message.ElementName}/{EchoedText.Cap(key)}': unknown element; expected {Expected(message.Members)}.");
                wrapper.Add(Arguments(member, values, message.ElementName));
            }
        }

        context.InDocument = new XDocument(wrapper);
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
