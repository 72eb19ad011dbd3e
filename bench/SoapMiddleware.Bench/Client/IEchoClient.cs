namespace SoapMiddleware.Bench.Client;

/// <summary>The sample calculator's Echo as a typed client sees it (the same namespace and names as the server's).</summary>
[RpcService(Name = "CalculatorService")]
public interface IEchoClient
{
    [RpcMethod(Name = "Echo")]
    Task<string> EchoAsync(string text);
}
