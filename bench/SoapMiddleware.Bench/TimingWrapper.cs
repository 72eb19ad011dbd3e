using System.Diagnostics;

namespace SoapMiddleware.Bench;

/// <summary>Times the rest of the chain with a Stopwatch timestamp and records the elapsed time in Items.</summary>
internal sealed class TimingWrapper : ICallWrapper
{
    public static readonly object ElapsedKey = new();

    public async ValueTask<object?> InvokeAsync(MethodContext context, CallNext next)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Items[ElapsedKey] = Stopwatch.GetElapsedTime(start);
        }
    }
}
