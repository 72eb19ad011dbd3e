namespace SoapMiddleware.Client.Tests.Calls;

/// <summary><see cref="HeaderEchoService"/> as a typed client sees it, with the header it declares.</summary>
[RpcService(Name = "HeaderEcho")]
public interface IHeaderEcho
{
    [RpcMethod]
    [RpcHeader(typeof(TenantHeader), Direction = RpcHeaderDirection.InOut)]
    Task<string> WhoAmIAsync(int delayMs);

    [RpcMethod]
    [RpcHeader(typeof(TenantHeader))]
    Task<string> TagAsync(byte[] data);
}
