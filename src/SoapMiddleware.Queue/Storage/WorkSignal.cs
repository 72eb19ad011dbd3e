namespace SoapMiddleware.Queue.Storage;

/// <summary>
/// An in-process wake-up: <see cref="Pulse"/> completes every pending <see cref="WaitAsync"/> at once.
/// Waits time out through the <see cref="TimeProvider"/>, so tests control them.
/// </summary>
/// <remarks>For storages that wake this process's waiting workers (<see cref="ITaskQueue.WaitForWorkAsync"/>) when they store work.</remarks>
public sealed class WorkSignal(TimeProvider time)
{
    private TaskCompletionSource _current = NewSource();

    /// <summary>Wakes every waiter.</summary>
    public void Pulse() => Interlocked.Exchange(ref _current, NewSource()).TrySetResult();

    /// <summary><see langword="true"/> when <see cref="Pulse"/> is called before <paramref name="timeout"/> passes, else <see langword="false"/>.</summary>
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
