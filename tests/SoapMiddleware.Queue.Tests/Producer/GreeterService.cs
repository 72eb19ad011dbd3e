namespace SoapMiddleware.Queue.Tests.Producer;

/// <summary>Implements <see cref="IGreeter"/>; its operation is named <c>SayHello</c>, not after the method.</summary>
[RpcService]
public sealed class GreeterService : IGreeter
{
    [RpcMethod(Name = "SayHello")]
    public string Greet(string name) => "Hello, " + name;
}
