using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Client.Hosting;

namespace SoapMiddleware.Client.Tests.Typed;

/// <summary>Typed clients built the way an application builds them: <c>AddRpcClient&lt;T&gt;</c> on a service collection.</summary>
internal static class ClientFactory
{
    /// <summary>The sample's <c>Rpc:Namespace</c> (appsettings.json), which its [RpcService] calculator uses.</summary>
    public const string SampleNamespace = "http://example.com/calc";

    public static T Create<T>(Uri address, string protocol, Action<RpcClientOptions>? configure = null)
        where T : class
    {
        var services = new ServiceCollection();
        services.AddRpcClient<T>(o =>
        {
            o.Address = address;
            o.Protocol = protocol;
            o.Namespace = SampleNamespace;
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider().GetRequiredService<T>();
    }
}
