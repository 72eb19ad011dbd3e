using System.Globalization;

namespace SoapMiddleware.Queue.Execution;

/// <summary>
/// The one attempt policy of the queue, for the built-in engine, the Hangfire engine and fan-out subscribers: what a
/// run's end makes of a task (<see cref="Decide"/>), how long to wait before the next attempt (exponential backoff
/// with jitter), and the words the history uses when the attempts run out.
/// </summary>
/// <param name="baseDelay">The wait after the first failed attempt; each further one doubles it.</param>
/// <param name="maxDelay">The longest wait.</param>
public sealed class AttemptPolicy(TimeSpan baseDelay, TimeSpan maxDelay)
{
    /// <summary>The policy of the queue's options (<see cref="RpcQueueOptions.RetryBaseDelay"/>, <see cref="RpcQueueOptions.RetryMaxDelay"/>).</summary>
    public static AttemptPolicy From(RpcQueueOptions options) => new(options.RetryBaseDelay, options.RetryMaxDelay);

    /// <summary>
    /// The task's outcome after attempt <paramref name="attempt"/> of <paramref name="maxAttempts"/> ended as
    /// <paramref name="kind"/>: a Server fault is retried while attempts are left, a rejection or a timeout never is.
    /// </summary>
    public static TaskOutcome Decide(QueuedCallOutcomeKind kind, int attempt, int maxAttempts) => kind switch
    {
        QueuedCallOutcomeKind.Succeeded => TaskOutcome.Succeeded,
        QueuedCallOutcomeKind.Rejected => TaskOutcome.Rejected,
        QueuedCallOutcomeKind.Cancelled => TaskOutcome.Cancelled,
        QueuedCallOutcomeKind.TimedOut => TaskOutcome.Failed,
        _ => attempt < maxAttempts ? TaskOutcome.WillRetry : TaskOutcome.Failed,
    };

    /// <summary>
    /// The wait after failed attempt <paramref name="attempt"/>: <c>base * 2^(n-1)</c>, capped, then spread by ±25% so
    /// tasks that failed together do not retry together.
    /// </summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var delay = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        return Spread(TimeSpan.FromMilliseconds(delay));
    }

    /// <summary>
    /// <paramref name="delay"/> spread by ±25%, so tasks that wait for the same reason (a retry, a place under a
    /// concurrency limit) do not all come back together.
    /// </summary>
    public static TimeSpan Spread(TimeSpan delay) => delay * (0.75 + (Random.Shared.NextDouble() * 0.5));

    /// <summary>The reason of a task whose last allowed attempt failed (built-in engine).</summary>
    public static string Exhausted(int attempts, string? reason)
        => string.Create(CultureInfo.InvariantCulture, $"Failed after {attempts} attempts: {reason}");

    /// <summary>The reason of a task whose worker died on every attempt allowed (built-in engine).</summary>
    public static string LeaseExpiredEveryTime(int maxAttempts)
        => string.Create(CultureInfo.InvariantCulture, $"Gave up after {maxAttempts} attempts: the lease expired each time (the worker died while running it).");

    /// <summary>The reason of a Hangfire job that failed on the last attempt the call allows.</summary>
    public static string ExhaustedCallLimit(int attempts, string reason)
        => string.Create(CultureInfo.InvariantCulture, $"Failed after {attempts} attempt(s), the most this call allows: {reason}");

    /// <summary>The reason of a Hangfire job whose retry policy gave up.</summary>
    public static string ExhaustedRetryPolicy(int attempts, string reason)
        => string.Create(CultureInfo.InvariantCulture, $"Failed after {attempts} attempt(s): {reason}");
}
