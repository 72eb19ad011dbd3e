using Microsoft.Extensions.Options;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Hosting;
using SoapMiddleware.Client.Typed;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers typed RPC clients: <c>builder.Services.AddRpcClient&lt;ICalculator&gt;(o =&gt; o.Address = ...)</c>.</summary>
public static class RpcClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContract"/> (an <see cref="SoapMiddleware.RpcServiceAttribute"/> or WCF
    /// <c>[ServiceContract]</c> interface) as a singleton typed client, safe for any number of threads, and its
    /// <see cref="RpcClient"/> as a keyed singleton under the contract's full name. Options are named after the
    /// contract's full name (bind them from configuration with <c>services.Configure&lt;RpcClientOptions&gt;(name, section)</c>);
    /// HTTP goes through <c>IHttpClientFactory</c>'s client of the same name, whose timeout is left to <see cref="RpcClientOptions.Timeout"/>.
    /// </summary>
    /// <returns>The HTTP client's builder, to add handlers (credentials, resilience) to every call of this client.</returns>
    public static IHttpClientBuilder AddRpcClient<TContract>(this IServiceCollection services, Action<RpcClientOptions>? configure = null)
        where TContract : class
    {
        ArgumentNullException.ThrowIfNull(services);
        var name = NameOf<TContract>();
        var options = services.AddOptions<RpcClientOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddKeyedSingleton(name, (provider, _) =>
        {
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            var settings = provider.GetRequiredService<IOptionsMonitor<RpcClientOptions>>().Get(name);
            return RpcClient.ForContract(typeof(TContract), settings, () => factory.CreateClient(name));
        });
        services.AddSingleton(provider => RpcClientProxy.Create<TContract>(provider.GetRequiredKeyedService<RpcClient>(name)));
        return services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan);
    }

    /// <summary>The name of <typeparamref name="TContract"/>'s options, HTTP client and keyed <see cref="RpcClient"/>: its full name.</summary>
    public static string NameOf<TContract>() => typeof(TContract).FullName ?? typeof(TContract).Name;
}
