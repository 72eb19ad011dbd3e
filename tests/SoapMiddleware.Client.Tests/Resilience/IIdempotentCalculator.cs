using SampleApp.Services;
using SoapMiddleware.Client.Resilience;

namespace SoapMiddleware.Client.Tests.Resilience;

/// <summary>The sample's calculator with Echo and Divide marked idempotent on the client's side, Add left as it is.</summary>
[RpcService(Name = "CalculatorService")]
public interface IIdempotentCalculator
{
    [RpcMethod]
    [RpcIdempotent]
    string Echo(string text);

    [RpcMethod]
    int Add(int a, int b);

    [RpcMethod]
    [RpcIdempotent]
    [RpcFault(typeof(DivisionFault))]
    int Divide(int a, int b);
}
