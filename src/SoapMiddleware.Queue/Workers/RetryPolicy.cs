namespace SoapMiddleware.Queue.Workers;

/// <summary>
/// Exponential backoff with jitter: attempt n waits <c>base * 2^(n-1)</c>, capped, then spread by ±25% so tasks
/// that failed together do not retry together.
/// </summary>
internal sealed class RetryPolicy(TimeSpan baseDelay, TimeSpan maxDelay)
{
    public TimeSpan DelayAfter(int attempt)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var delay = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        var jitter = 0.75 + (Random.Shared.NextDouble() * 0.5);
        return TimeSpan.FromMilliseconds(delay * jitter);
    }
}
