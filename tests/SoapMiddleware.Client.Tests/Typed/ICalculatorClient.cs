using SampleApp.Services;

namespace SoapMiddleware.Client.Tests.Typed;

/// <summary>
/// The sample's <c>CalculatorService</c> as a client sees it: an <see cref="RpcServiceAttribute"/> interface of the same
/// name, whose <c>...Async</c> methods are the same operations as their synchronous twins.
/// </summary>
[RpcService(Name = "CalculatorService")]
public interface ICalculatorClient
{
    [RpcMethod]
    string Echo(string text);

    [RpcMethod]
    int Add(int a, int b);

    [RpcMethod]
    Task<int> AddAsync(int a, int b);

    [RpcMethod]
    Order GetOrder(int id, int lines);

    [RpcMethod]
    ValueTask<Order> GetOrderAsync(int id, int lines, CancellationToken cancellationToken);

    [RpcMethod]
    [RpcFault(typeof(DivisionFault))]
    int Divide(int a, int b);

    [RpcMethod]
    void Sleep(int seconds);

    [RpcMethod]
    Task SleepAsync(int seconds, CancellationToken cancellationToken);
}
