using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Protocols;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SoapMiddleware;

internal sealed class RpcBuilder(IServiceCollection services, RpcServiceRegistry registry) : IRpcBuilder
{
    public IServiceCollection Services { get; } = services;

    public IRpcBuilder AddService<TService>(Action<RpcEvents>? events = null) where TService : class
    {
        Services.TryAddScoped<TService>();
        registry.Add(typeof(TService));
        if (events is not null)
        {
            if (!registry.ServiceEvents.TryGetValue(typeof(TService), out var list))
            {
                registry.ServiceEvents[typeof(TService)] = list = [];
            }

            list.Add(events);
        }

        return this;
    }

    public IRpcBuilder AddCallWrapper<TWrapper>() where TWrapper : class, ICallWrapper
    {
        Services.TryAddScoped<TWrapper>();
        if (!registry.Wrappers.Contains(typeof(TWrapper)))
        {
            registry.Wrappers.Add(typeof(TWrapper));
        }

        return this;
    }

    public IRpcBuilder UseApplicationCallWrapper<TWrapper>() where TWrapper : RpcApplicationCallWrapper
    {
        Services.TryAddScoped<TWrapper>();
        registry.ApplicationWrapper = typeof(TWrapper);
        return this;
    }

    public IRpcBuilder AddProtocol<TProtocol>() where TProtocol : class, IRpcProtocol
    {
        if (!registry.Protocols.Any(p => p.Type == typeof(TProtocol)))
        {
            registry.Protocols.Add(RpcProtocolRegistration.Of<TProtocol>());
        }

        return this;
    }

    public IRpcBuilder AddContractReader(Description.IServiceContractReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!registry.ContractReaders.Any(r => r.GetType() == reader.GetType()))
        {
            registry.ContractReaders.Add(reader);
        }

        return this;
    }

    public IRpcBuilder ConfigureEvents(Action<RpcEvents> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        registry.ApplicationEvents.Add(configure);
        return this;
    }
}
