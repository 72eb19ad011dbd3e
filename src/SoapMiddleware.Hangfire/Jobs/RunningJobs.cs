using System.Collections.Concurrent;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// The calls this process is running, by Hangfire job id, so deleting one here cancels it at once instead of waiting for
/// Hangfire's cancellation check (every <c>CancellationCheckInterval</c>, 5 s by default). Other processes rely on that
/// check.
/// </summary>
internal sealed class RunningJobs
{
    private readonly ConcurrentDictionary<string, Run> _runs = new(StringComparer.Ordinal);

    /// <summary>Registers a run whose token follows Hangfire's and can be cancelled here; dispose it when the run ends.</summary>
    public Run Start(string jobId, CancellationToken hangfireToken)
    {
        var run = new Run(this, jobId, CancellationTokenSource.CreateLinkedTokenSource(hangfireToken));
        _runs[jobId] = run;
        return run;
    }

    /// <summary>Cancels the run of <paramref name="jobId"/> if this process runs it.</summary>
    public bool Cancel(string jobId)
    {
        if (!_runs.TryGetValue(jobId, out var run))
        {
            return false;
        }

        try
        {
            run.Source.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            // It ended between the lookup and the cancel.
            return false;
        }
    }

    /// <summary>Whether this process runs <paramref name="jobId"/> now.</summary>
    public bool IsRunning(string jobId) => _runs.ContainsKey(jobId);

    /// <summary>One running call.</summary>
    internal sealed class Run(RunningJobs owner, string jobId, CancellationTokenSource source) : IDisposable
    {
        public CancellationTokenSource Source { get; } = source;

        public CancellationToken Token => Source.Token;

        public void Dispose()
        {
            // Remove only this run: a later run of the same job (a retry) may already be registered.
            owner._runs.TryRemove(new KeyValuePair<string, Run>(jobId, this));
            Source.Dispose();
        }
    }
}
