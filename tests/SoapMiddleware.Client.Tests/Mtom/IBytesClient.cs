namespace SoapMiddleware.Client.Tests.Mtom;

/// <summary>The sample calculator's <c>EchoBytes</c>, as a client sees it.</summary>
[RpcService(Name = "CalculatorService")]
public interface IBytesClient
{
    [RpcMethod]
    byte[] EchoBytes(byte[] data);

    [RpcMethod]
    int Add(int a, int b);
}
