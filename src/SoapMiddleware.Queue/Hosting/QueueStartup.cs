using Microsoft.Extensions.Hosting;
using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Queue;

/// <summary>
/// The queue's hosted service, whatever the engine: starts and stops what the chosen engine runs in this process
/// (<see cref="IQueueEngine.StartAsync"/>): the built-in engine's schema check and workers, the Hangfire engine's
/// storage and options check. An engine's start and stop belong behind that seam, not in hosted services of its own.
/// </summary>
internal sealed class QueueStartup(IQueueEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => engine.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync(cancellationToken);
}
