using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoapMiddleware.Queue.Workers;

namespace SoapMiddleware.Queue;

/// <summary>
/// Creates or migrates the queue's schema at startup (so a wrong connection string fails the start, not the first
/// enqueue), then starts the workers when this process's role runs them.
/// </summary>
/// <remarks>The storage itself is a container singleton; the container disposes it.</remarks>
internal sealed class QueueStartup(IServiceProvider services, QueueStorageHolder holder, IOptions<RpcQueueOptions> options) : IHostedService
{
    private QueueProcessor? _processor;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await holder.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (options.Value.RunsWorkers)
        {
            _processor = ActivatorUtilities.CreateInstance<QueueProcessor>(services);
            await _processor.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_processor is not null)
        {
            await _processor.StopAsync(cancellationToken).ConfigureAwait(false);
            _processor.Dispose();
        }
    }
}
