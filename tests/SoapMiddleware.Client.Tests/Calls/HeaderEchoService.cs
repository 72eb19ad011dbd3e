namespace SoapMiddleware.Client.Tests.Calls;

/// <summary>Answers with the request's <see cref="TenantHeader"/>, after a delay so concurrent calls overlap, and echoes it as a response header; or tags binary data with it.</summary>
[RpcService(Name = "HeaderEcho")]
public sealed class HeaderEchoService
{
    public const string Namespace = "http://example.com/header-echo";

    [RpcMethod]
    [RpcHeader(typeof(TenantHeader), Direction = RpcHeaderDirection.InOut)]
    public async Task<string> WhoAmI(int delayMs, MethodContext context)
    {
        await Task.Delay(delayMs);
        var tenant = context.GetInHeader<TenantHeader>();
        context.SetOutHeader(new TenantHeader { Id = "echo:" + tenant?.Id });
        return tenant?.Id ?? "(none)";
    }

    /// <summary>The request's tenant and the size of <paramref name="data"/>: a header and a binary argument in one call (an MTOM part when the client sends MTOM).</summary>
    [RpcMethod]
    [RpcHeader(typeof(TenantHeader))]
    public string Tag(byte[] data, MethodContext context)
        => $"{context.GetInHeader<TenantHeader>()?.Id ?? "(none)"}:{data.Length}";
}
