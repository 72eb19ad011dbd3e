using System.Collections.Concurrent;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// Marks this process's Hangfire workers <c>Stopped</c> when the host stops gracefully. It does so in
/// <see cref="StoppedAsync"/>, which the host calls after every hosted service's <c>StopAsync</c> whatever the
/// registration order: Hangfire's servers have finished their calls by then, so their last counts are in, and nothing
/// writes a row after it. Hangfire forgets a stopped server at once and names none of a process's servers, so the
/// servers of this process are noted while they are listed: from the start on, and once more as the stop begins.
/// </summary>
internal sealed class WorkerRowsLifetime(HangfireBackend backend, WorkerRecords records, TimeProvider time, ILogger<WorkerRowsLifetime> logger)
    : IHostedLifecycleService, IDisposable
{
    /// <summary>When to look for this process's servers after the start (Hangfire announces them in the background), then every minute.</summary>
    private static readonly TimeSpan[] Looks = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)];
    private static readonly TimeSpan LookEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, ServerDto> _own = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task? _watch;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _watch = Task.Run(() => WatchAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Before any hosted service stops: Hangfire's servers are still listed.</summary>
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        // A host that never started ran no server (and its storage may be the reason it did not start).
        if (_watch is not null)
        {
            Look();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_watch is { } watch)
        {
            await watch.ConfigureAwait(false);
        }

        await records.StopAsync(_own.Values.ToList()).ConfigureAwait(false);
    }

    public void Dispose() => _stop.Cancel();

    private async Task WatchAsync(CancellationToken stop)
    {
        try
        {
            foreach (var delay in Looks)
            {
                await Task.Delay(delay, time, stop).ConfigureAwait(false);
                Look();
            }

            while (true)
            {
                await Task.Delay(LookEvery, time, stop).ConfigureAwait(false);
                Look();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Notes the listed servers of this process: named after it by Hangfire's default, or running our calls here.</summary>
    private void Look()
    {
        try
        {
            var ran = records.ServerIds;
            foreach (var server in backend.Storage.GetMonitoringApi().Servers())
            {
                if (server?.Name is { } name && (HangfireWorkers.IsThisProcess(name) || ran.Contains(name, StringComparer.Ordinal)))
                {
                    _own[name] = server;
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            HangfireEngineLog.ServersNotListed(logger, ex);
        }
    }
}
