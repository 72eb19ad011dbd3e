using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>
/// The same contract and implementation on our pipeline, written as issue 10's one-line move from SoapCore:
/// <c>AddRpc().AddService&lt;ICalculator, CalculatorService&gt;()</c> and <c>MapRpc&lt;ICalculator&gt;</c>, no other settings.
/// </summary>
internal static class OurCalculatorHost
{
    /// <summary>Starts our pipeline on 127.0.0.1 serving the calculator at <see cref="PeerHost.Path"/>.</summary>
    public static Task<PeerHost> StartAsync() => PeerHost.StartAsync(
        "ours",
        services => services.AddRpc().AddService<ICalculator, CalculatorService>(),
        app => app.MapRpc<ICalculator>(PeerHost.Path));
}
