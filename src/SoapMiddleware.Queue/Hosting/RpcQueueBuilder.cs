using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue;

internal sealed class RpcQueueBuilder(IServiceCollection services) : IRpcQueueBuilder
{
    public IServiceCollection Services { get; } = services;

    public IRpcQueueBuilder UseStorage(Func<IServiceProvider, IQueueStorage> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.RemoveAll<IQueueStorage>();
        Services.AddSingleton(factory);
        return this;
    }
}
