namespace SoapMiddleware;

/// <summary>
/// An HTTP endpoint as the OpenAPI document lists it: its route pattern (with an <c>{operation}</c> segment when the
/// path names the operation, without one when the body does) and the protocols it reads and writes.
/// </summary>
/// <param name="Pattern">The route pattern, such as <c>/json/calculator</c> or <c>/rpc/calculator/{operation}</c>.</param>
/// <param name="Protocols">The endpoint's in and out protocols.</param>
internal sealed record RpcMappedEndpoint(string Pattern, RpcProtocolMapping Protocols)
{
    /// <summary>Whether the path names the operation (<c>/json/calculator/Add</c>) rather than the body.</summary>
    public bool OperationInPath => Pattern.Contains("{" + RpcHttpHandler.OperationRouteKey + "}", StringComparison.Ordinal);

    /// <summary>The path of one operation: the pattern with its <c>{operation}</c> segment filled in.</summary>
    public string PathOf(Description.RpcOperation operation)
        => Pattern.Replace("{" + RpcHttpHandler.OperationRouteKey + "}", operation.Name, StringComparison.Ordinal);
}
