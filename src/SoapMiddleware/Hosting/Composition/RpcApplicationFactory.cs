using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoapMiddleware.Description;

namespace SoapMiddleware;

/// <summary>
/// Builds applications once: the default one (every service added with <c>AddService</c>) and one per
/// service mapped alone with <c>MapRpc&lt;T&gt;</c>. Building validates the services, so a bad service is a
/// startup error rather than a failure on the first call.
/// </summary>
internal sealed class RpcApplicationFactory(IOptions<RpcOptions> options, RpcServiceRegistry registry, ILoggerFactory loggerFactory, IServiceProvider services)
{
    private readonly ConcurrentDictionary<Type, RpcApplication> _single = new();
    private readonly object _gate = new();
    private RpcApplication? _default;

    /// <summary>The default application, built once (listeners and wrappers attach to this one instance).</summary>
    public RpcApplication Default
    {
        get
        {
            lock (_gate)
            {
                return _default ??= Create();
            }
        }
    }

    public RpcApplication For(Type serviceType)
        => _single.GetOrAdd(serviceType, t => Build(NameOf(t), [t]));

    private RpcApplication Create()
    {
        if (registry.Types.Count == 0)
        {
            throw new InvalidOperationException("No RPC services are registered. Call AddRpc().AddService<TService>() in ConfigureServices.");
        }

        var name = registry.Types.Count == 1 ? NameOf(registry.Types[0]) : "RpcApplication";
        return Build(name, registry.Types);
    }

    private RpcApplication Build(string name, IReadOnlyList<Type> serviceTypes)
    {
        var description = RpcDescriptionBuilder.FromTypes(name, options.Value.Namespace, serviceTypes, registry.ContractReaders);
        return new RpcApplication(description, options.Value, registry, loggerFactory, services);
    }

    private string NameOf(Type serviceType)
        => registry.ReaderOf(serviceType)?.NameOf(serviceType) ?? (serviceType.GetCustomAttributes(typeof(RpcServiceAttribute), false).FirstOrDefault() as RpcServiceAttribute)?.Name ?? serviceType.Name;
}
