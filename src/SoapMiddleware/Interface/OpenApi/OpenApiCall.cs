using SoapMiddleware.Description;
using SoapMiddleware.Protocols;

namespace SoapMiddleware.Interface.OpenApi;

/// <summary>
/// One OpenAPI operation (a path and an HTTP method) of a mapped endpoint: a call of <see cref="Operation"/>, or, when
/// that is null, a call whose body names the operation. <see cref="In"/> are the protocols that read it (their media
/// types are the request body's), <see cref="Out"/> the ones that may write the response.
/// </summary>
/// <param name="Path">The path, the operation's name filled in.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Operation">The operation the path names; null when the body names it.</param>
/// <param name="In">The protocols reading this call, all with the same method and the same place for the arguments.</param>
/// <param name="Out">The endpoint's out protocols.</param>
internal sealed record OpenApiCall(string Path, string Method, RpcOperation? Operation, IReadOnlyList<IRpcProtocol> In, IReadOnlyList<IRpcProtocol> Out)
{
    /// <summary>Whether the arguments are the query string (HTTP RPC) rather than a body.</summary>
    public bool ReadsQueryString => In[0].HttpBinding.ReadsQueryString;
}
