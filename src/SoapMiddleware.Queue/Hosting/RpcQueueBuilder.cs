using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue;

/// <summary>Records the engine and storage choice in <paramref name="choice"/>; registers nothing itself.</summary>
internal sealed class RpcQueueBuilder(IServiceCollection services, QueueEngineChoice choice) : IRpcQueueBuilder
{
    public IServiceCollection Services { get; } = services;

    public IRpcQueueBuilder UseStorage(Func<IServiceProvider, IQueueStorage> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        choice.Engine = null;
        choice.Storage = factory;
        return this;
    }

    public IRpcQueueBuilder UseEngine(Func<IServiceProvider, IQueueEngine> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        choice.Engine = factory;
        return this;
    }
}
