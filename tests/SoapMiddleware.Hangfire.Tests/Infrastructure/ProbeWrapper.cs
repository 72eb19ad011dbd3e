namespace SoapMiddleware.Hangfire.Tests.Infrastructure;

/// <summary>A registered call wrapper: proves wrappers run in Hangfire jobs too.</summary>
public sealed class ProbeWrapper(QueueProbe probe) : ICallWrapper
{
    public ValueTask<object?> InvokeAsync(MethodContext context, CallNext next)
    {
        probe.See("wrapper", context);
        return next(context);
    }
}
