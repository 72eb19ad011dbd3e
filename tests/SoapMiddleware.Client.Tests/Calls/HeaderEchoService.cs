namespace SoapMiddleware.Client.Tests.Calls;

/// <summary>Answers with the request's <see cref="TenantHeader"/>, after a delay so concurrent calls overlap, and echoes it as a response header.</summary>
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
}
