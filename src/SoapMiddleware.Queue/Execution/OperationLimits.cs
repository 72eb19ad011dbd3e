using System.Reflection;
using SoapMiddleware.Description;

namespace SoapMiddleware.Queue.Execution;

/// <summary>
/// What each operation allows when it is queued, from <c>[RpcMethod(MaxConcurrency, RetryOnTimeout)]</c> and the
/// queue's options (which win): how many of its calls may run at once, and whether a timed-out call is retried. Both
/// engines read it, so a limit means the same on either.
/// </summary>
public sealed class OperationLimits
{
    private readonly HashSet<string> _retryOnTimeout;

    internal OperationLimits(IEnumerable<RpcOperation> operations, RpcQueueOptions options)
    {
        var concurrency = new Dictionary<string, int>(StringComparer.Ordinal);
        _retryOnTimeout = new HashSet<string>(options.RetryOnTimeout, StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            var rpc = operation.Method.GetCustomAttribute<RpcMethodAttribute>();
            if (rpc is { MaxConcurrency: > 0 })
            {
                concurrency[operation.Name] = rpc.MaxConcurrency;
            }

            if (rpc is { RetryOnTimeout: true })
            {
                _retryOnTimeout.Add(operation.Name);
            }
        }

        foreach (var (name, limit) in options.Concurrency)
        {
            if (limit > 0)
            {
                concurrency[name] = limit;
            }
            else
            {
                concurrency.Remove(name);
            }
        }

        Concurrency = concurrency;
        Recheck = options.PollInterval;
    }

    /// <summary>The limits by operation name, for the stores' fetch; operations not listed have none.</summary>
    public IReadOnlyDictionary<string, int> Concurrency { get; }

    /// <summary>
    /// How long a Hangfire job whose operation is at its limit waits (Scheduled) before it tries again: the queue's
    /// <see cref="RpcQueueOptions.PollInterval"/>, as a built-in worker polls.
    /// </summary>
    public TimeSpan Recheck { get; }

    /// <summary>The most calls of <paramref name="operation"/> that may run at once, or null for no limit.</summary>
    public int? ConcurrencyOf(string operation) => Concurrency.TryGetValue(operation, out var limit) ? limit : null;

    /// <summary>Whether a call of <paramref name="operation"/> that timed out may run again (an unread request never times out).</summary>
    public bool RetriesOnTimeout(RpcOperation? operation) => operation is not null && _retryOnTimeout.Contains(operation.Name);
}
