using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>
/// The same contract and implementation on our pipeline, written as issue 10's one-line move from SoapCore:
/// <c>AddRpc().AddService&lt;TContract, TService&gt;()</c> and <c>MapRpc&lt;TContract&gt;</c>, no other settings.
/// </summary>
internal static class OurHost
{
    /// <summary>Starts our pipeline on 127.0.0.1 serving <typeparamref name="TContract"/> at <see cref="PeerHost.Path"/>.</summary>
    public static Task<PeerHost> StartAsync<TContract, TService>()
        where TContract : class
        where TService : class, TContract
        => PeerHost.StartAsync(
            "ours",
            services => services.AddRpc().AddService<TContract, TService>(),
            app => app.MapRpc<TContract>(PeerHost.Path));
}
