namespace SoapMiddleware.Queue.Storage;

/// <summary>
/// An in-process wake-up: <see cref="Pulse"/> completes every pending <see cref="WaitAsync"/> at once.
/// Waits time out through the <see cref="TimeProvider"/>, so tests control them.
/// </summary>
internal sealed class WorkSignal(TimeProvider time)
{
    private TaskCompletionSource _current = NewSource();

    public void Pulse() => Interlocked.Exchange(ref _current, NewSource()).TrySetResult();

    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pending = Volatile.Read(ref _current).Task;
        try
        {
            await pending.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
