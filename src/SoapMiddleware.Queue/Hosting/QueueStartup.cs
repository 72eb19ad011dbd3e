using Microsoft.Extensions.Hosting;
using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Queue;

/// <summary>
/// Starts and stops what the chosen engine runs in this process (<see cref="IQueueEngine.StartAsync"/>): the built-in
/// engine's schema check and workers; nothing for an engine whose workers the application runs itself.
/// </summary>
internal sealed class QueueStartup(IQueueEngine engine) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => engine.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync(cancellationToken);
}
