using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SoapMiddleware.Queue.Builtin;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Workers;

namespace SoapMiddleware.Queue;

/// <summary>
/// For the built-in engine: creates or migrates the queue's schema at startup (so a wrong connection string fails the
/// start, not the first enqueue), then starts the workers when this process's role runs them. Other engines run their
/// own workers; then this does nothing.
/// </summary>
/// <remarks>The storage itself is a container singleton; the container disposes it.</remarks>
internal sealed class QueueStartup(IServiceProvider services, IQueueEngine engine, IOptions<RpcQueueOptions> options) : IHostedService
{
    private QueueProcessor? _processor;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (engine is not BuiltinQueueEngine)
        {
            return;
        }

        var holder = services.GetRequiredService<QueueStorageHolder>();
        try
        {
            await holder.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"The built-in queue engine could not open its {holder.StorageName} storage: {ex.Message}", ex);
        }

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
