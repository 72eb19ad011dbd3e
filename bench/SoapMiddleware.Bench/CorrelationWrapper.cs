namespace SoapMiddleware.Bench;

/// <summary>Writes a correlation id into Items before the call, as a logging or tracing wrapper would.</summary>
internal sealed class CorrelationWrapper : ICallWrapper
{
    public static readonly object CorrelationKey = new();

    private static long _next;

    public ValueTask<object?> InvokeAsync(MethodContext context, CallNext next)
    {
        context.Items[CorrelationKey] = Interlocked.Increment(ref _next);
        return next(context);
    }
}
