using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SoapMiddleware;

internal sealed class RpcBuilder(IServiceCollection services, RpcServiceRegistry registry) : IRpcBuilder
{
    public IServiceCollection Services { get; } = services;

    public IRpcBuilder AddService<TService>() where TService : class
    {
        Services.TryAddScoped<TService>();
        registry.Add(typeof(TService));
        return this;
    }
}
