using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Workers;

/// <summary>A task this process holds a lease on: buffered, running, or waiting for its completion to be written.</summary>
internal sealed class HeldTask(FetchedTask task)
{
    public FetchedTask Task { get; } = task;

    /// <summary>Cancels the running method (deletion, lost lease, shutdown timeout); null until it starts.</summary>
    public CancellationTokenSource? Cancellation { get; set; }

    /// <summary>Set when the lease was lost or the task deleted: the result must not be recorded.</summary>
    public volatile bool Lost;

    /// <summary>Marks the task lost and cancels the running method, if it runs.</summary>
    public void Lose()
    {
        Lost = true;
        try
        {
            Cancellation?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The method finished meanwhile.
        }
    }
}
