using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Queue.Workers;

namespace SoapMiddleware.Queue.Builtin;

/// <summary>
/// The built-in engine's start: creates or migrates the schema (so a wrong connection string fails the start, not the
/// first enqueue), then starts the workers when this process's role runs them.
/// </summary>
/// <remarks>The storage itself is a container singleton; the container disposes it.</remarks>
internal sealed partial class BuiltinQueueEngine
{
    private QueueProcessor? _processor;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
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
