using System.Xml.Linq;
using SoapMiddleware.Description;

namespace SoapMiddleware.Protocols.HttpRpc;

/// <summary>
/// An HTTP RPC query string read straight into its argument array; the XML wrapper is built from the query only when
/// a listener or wrapper asks for <see cref="MethodContext.InDocument"/>.
/// </summary>
internal sealed class HttpRpcRequest(HttpRpcProtocol protocol, ReadOnlyMemory<byte> query, RpcOperation operation, object?[] arguments)
    : ArgumentsRequest(operation, arguments)
{
    /// <inheritdoc />
    public override XDocument LoadDocument() => new(protocol.BuildWrapper(Operation.Request, HttpRpcProtocol.ParseQuery(query)));
}
