namespace SoapMiddleware.Tests.Support;

/// <summary>A registered call wrapper: proves wrappers run in queued calls too, on either engine.</summary>
public sealed class ProbeWrapper(QueueProbe probe) : ICallWrapper
{
    public ValueTask<object?> InvokeAsync(MethodContext context, CallNext next)
    {
        probe.See("wrapper", context);
        return next(context);
    }
}
