using Microsoft.Extensions.DependencyInjection.Extensions;
using SoapMiddleware;
using SoapMiddleware.Hosting.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the RPC toolkit.</summary>
public static class RpcServiceCollectionExtensions
{
    /// <summary>
    /// Adds the RPC toolkit. <paramref name="configure"/> sets the options' defaults in code, then the <c>Rpc</c>
    /// configuration section (appsettings, environment variables, command line) overrides them; choose another section
    /// with <c>.BindConfiguration("...")</c> or none with <c>.WithoutConfiguration()</c> on the returned builder. The
    /// options are validated at startup. Calling it again returns a builder over the same registrations.
    /// </summary>
    /// <returns>A builder to add services and features to.</returns>
    public static IRpcBuilder AddRpc(this IServiceCollection services, Action<RpcOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(RpcServiceRegistry))?.ImplementationInstance as RpcServiceRegistry;
        if (registry is null)
        {
            registry = new RpcServiceRegistry();
            services.AddSingleton(registry);
            services.AddOptions<RpcOptions>().ValidateDataAnnotations().ValidateOnStart();
            ConfigurationOverride<RpcOptions>.AddTo(services, RpcOptions.SectionName);
            services.TryAddSingleton<RpcApplicationFactory>();
            services.TryAddSingleton<RpcEndpointRegistry>();
            services.TryAddSingleton(sp => sp.GetRequiredService<RpcApplicationFactory>().Default);
            services.TryAddScoped<MethodContextAccessor>();
            services.TryAddScoped<IMethodContextAccessor>(sp => sp.GetRequiredService<MethodContextAccessor>());
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new RpcBuilder(services, registry);
    }
}
