using Microsoft.AspNetCore.Http;

namespace SoapMiddleware.Protocols.HttpRpc;

/// <summary>HTTP RPC: <c>GET {prefix}/{Operation}?a=1&amp;b=2</c>, the request is the query string.</summary>
internal sealed class HttpRpcHttpBinding : RpcHttpBinding
{
    public static HttpRpcHttpBinding Instance { get; } = new();

    public override string Method => HttpMethods.Get;

    public override bool ReadsQueryString => true;
}
