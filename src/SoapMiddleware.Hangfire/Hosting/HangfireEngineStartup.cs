using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// Fails the start, with a message that names the engine and the storage, when the Hangfire engine cannot work: fan-out
/// subscriptions are configured (Hangfire has no such thing), or the application's Hangfire storage cannot be reached.
/// Better at startup than at the first enqueue.
/// </summary>
internal sealed class HangfireEngineStartup(HangfireBackend backend, IOptions<RpcQueueOptions> options, ILogger<HangfireEngineStartup> logger) : IHostedService
{
    /// <summary>A key no one writes: reading it touches the storage and nothing else.</summary>
    private const string ProbeKey = "soapmw:startup-check";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Subscriptions.Count > 0)
        {
            throw new InvalidOperationException(
                $"Queue:Subscriptions lists {options.Value.Subscriptions.Count} subscription(s), but the queue runs on the Hangfire engine: " +
                "fan-out subscriptions need the built-in engine. Remove Queue:Subscriptions or do not call UseHangfire().");
        }

        try
        {
            var storage = backend.Storage;
            using var connection = storage.GetConnection();
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
