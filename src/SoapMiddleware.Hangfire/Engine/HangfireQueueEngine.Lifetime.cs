namespace SoapMiddleware.Hangfire;

/// <summary>
/// The engine's start (<see cref="Queue.Engine.IQueueEngine.StartAsync"/>, run by the queue's one hosted service): fails
/// it, with a message that names the engine and the storage, when the Hangfire engine cannot work: fan-out
/// subscriptions are configured (Hangfire has no such thing), or the application's Hangfire storage cannot be reached.
/// Better at startup than at the first enqueue. Nothing to stop: the application runs Hangfire's servers itself.
/// </summary>
internal sealed partial class HangfireQueueEngine
{
    /// <summary>A key no one writes: reading it touches the storage and nothing else.</summary>
    private const string ProbeKey = "soapmw:startup-check";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var subscriptions = options.Value.Subscriptions.Count;
        if (subscriptions > 0)
        {
            throw new InvalidOperationException(
                $"Queue:Subscriptions lists {subscriptions} subscription(s), but the queue runs on the Hangfire engine: " +
                "fan-out subscriptions need the built-in engine. Remove Queue:Subscriptions or do not call UseHangfire().");
        }

        try
        {
            using var connection = backend.Storage.GetConnection();
            connection.GetAllEntriesFromHash(ProbeKey);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InvalidOperationException(
                $"The Hangfire queue engine cannot use the application's Hangfire storage ({backend.StorageName}): {ex.Message}", ex);
        }

        HangfireEngineLog.Started(logger, backend.StorageName);
        return Task.CompletedTask;
    }
}
