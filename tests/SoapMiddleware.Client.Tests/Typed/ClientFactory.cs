using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Client.Hosting;

namespace SoapMiddleware.Client.Tests.Typed;

/// <summary>Typed clients built the way an application builds them: <c>AddRpcClient&lt;T&gt;</c> on a service collection.</summary>
internal static class ClientFactory
{
    /// <summary>The sample's <c>Rpc:Namespace</c> (appsettings.json), which its [RpcService] calculator uses.</summary>
    public const string SampleNamespace = "http://example.com/calc";

    /// <param name="address">The endpoint.</param>
    /// <param name="protocol">The client's protocol.</param>
    /// <param name="configure">More options, after the address, protocol and the sample's namespace.</param>
    /// <param name="http">Configures the client's HTTP pipeline (a handler that watches the wire, say).</param>
    public static T Create<T>(Uri address, string protocol, Action<RpcClientOptions>? configure = null, Action<IHttpClientBuilder>? http = null)
        where T : class
    {
        var services = new ServiceCollection();
        var builder = services.AddRpcClient<T>(o =>
        {
            o.Address = address;
            o.Protocol = protocol;
            o.Namespace = SampleNamespace;
            configure?.Invoke(o);
        });
        http?.Invoke(builder);
        return services.BuildServiceProvider().GetRequiredService<T>();
    }
}
