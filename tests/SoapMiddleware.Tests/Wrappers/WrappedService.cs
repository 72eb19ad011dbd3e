namespace SoapMiddleware.Tests.Wrappers;

/// <summary>A service for wrapper and event tests: it records what it saw in a shared journal.</summary>
[RpcService]
[RpcCallWrapper(typeof(ServiceAttributeWrapper))]
[RpcHeader(typeof(TraceHeader), Direction = RpcHeaderDirection.InOut)]
public sealed class WrappedService(Journal journal, IMethodContextAccessor calls) : RpcServiceBase
{
    [RpcMethod]
    [RpcCallWrapper(typeof(MethodAttributeWrapper))]
    public int Add(int a, int b)
    {
        journal.Add($"method {a}+{b}");
        return a + b;
    }

    [RpcMethod]
    public string Fail(string kind)
    {
        journal.Add("method fail");
        throw kind == "fault" ? RpcFault.Client("bad input from method") : new InvalidOperationException("boom");
    }

    [RpcMethod]
    public string WhoAmI() => $"{calls.MethodContext?.Operation?.Name} over {calls.MethodContext?.Transport.Name}";

    protected override async ValueTask<object?> CallWrapperAsync(MethodContext context, CallNext next)
    {
        journal.Add("service hook in");
        var result = await base.CallWrapperAsync(context, next);
        journal.Add("service hook out");
        return result;
    }
}

/// <summary>The typed header the wrappers read and write.</summary>
public sealed class TraceHeader
{
    public string? Id { get; set; }
}
