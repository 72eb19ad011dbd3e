namespace SoapMiddleware.Queue.Tests.Producer;

/// <summary>
/// The sample's calculator as a client sees it (the typed client's kind of interface): the server does not implement
/// it; its methods name the server's operations, an <c>...Async</c> twin the operation without the suffix.
/// </summary>
[RpcService(Name = "CalculatorService")]
public interface ICalculatorContract
{
    [RpcMethod]
    int Add(int a, int b);

    [RpcMethod]
    Task<int> AddAsync(int a, int b, CancellationToken cancellationToken);

    [RpcMethod]
    Task SleepAsync(int seconds, CancellationToken cancellationToken);

    /// <summary>Named as no operation: enqueueing it is refused.</summary>
    [RpcMethod]
    int Multiply(int a, int b);

    /// <summary>The name of an operation, with other parameter types: refused.</summary>
    [RpcMethod(Name = "Add")]
    int AddLongs(long a, long b);
}
