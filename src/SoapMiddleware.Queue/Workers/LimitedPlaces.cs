using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Workers;

/// <summary>
/// The fetch loop's wake-up when a task of a limited operation ends in this process: its place is free, and a task of
/// the same operation skipped by the last fetch can run now, not a poll interval later. (A place freed in another
/// process is seen at the next poll.)
/// </summary>
internal sealed class LimitedPlaces(IReadOnlyDictionary<string, int> concurrency)
{
    private readonly SemaphoreSlim _freed = new(0);

    /// <summary>The limits by operation name, for the fetch.</summary>
    public IReadOnlyDictionary<string, int> Concurrency => concurrency;

    /// <summary>Forgets earlier wake-ups: called before a fetch, which sees every place freed until then.</summary>
    public void Reset()
    {
        while (_freed.Wait(0))
        {
        }
    }

    /// <summary>Records that <paramref name="task"/> ended (its outcome is written).</summary>
    public void Ended(FetchedTask task)
    {
        if (concurrency.ContainsKey(task.Call.Operation))
        {
            _freed.Release();
        }
    }

    /// <summary>Waits for new work, a freed place, or <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(ITaskQueue queue, IReadOnlyList<string> queues, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (concurrency.Count == 0)
        {
            await queue.WaitForWorkAsync(queues, timeout, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The losing wait is cancelled, so it takes no wake-up meant for the next round.
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = queue.WaitForWorkAsync(queues, timeout, either.Token);
        var freed = _freed.WaitAsync(timeout, either.Token);
        await Task.WhenAny(work, freed).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(work, freed).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
