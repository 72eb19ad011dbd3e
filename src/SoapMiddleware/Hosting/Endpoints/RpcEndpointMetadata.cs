namespace SoapMiddleware;

/// <summary>
/// Marks an endpoint mapped with <c>MapRpc</c>, with its application's options, so that what runs before the endpoint
/// (the WS-Security scheme, which peeks at the body) can lift Kestrel's body limit to the endpoint's own first: once a
/// body has started to be read, the limit can no longer be raised.
/// </summary>
/// <param name="Options">The options of the endpoint's application: its request and MTOM limits.</param>
internal sealed record RpcEndpointMetadata(RpcOptions Options);
