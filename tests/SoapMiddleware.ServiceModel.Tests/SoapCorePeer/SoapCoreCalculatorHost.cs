using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapCore;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>The calculator contract hosted by SoapCore 1.2.1.18 the way its README shows, with default settings.</summary>
internal static class SoapCoreCalculatorHost
{
    /// <summary>Starts SoapCore on 127.0.0.1: <c>AddSoapCore()</c>, <c>UseSoapEndpoint&lt;ICalculator&gt;</c>, DataContractSerializer mode.</summary>
    public static Task<PeerHost> StartAsync() => PeerHost.StartAsync(
        "SoapCore",
        services =>
        {
            services.AddSoapCore();
            services.AddSingleton<ICalculator, CalculatorService>();
        },
        // As middleware (IApplicationBuilder), as SoapCore's README and issue 10 show it; DataContractSerializer because
        // the contract's types are [DataContract]s (see ICalculator), which is how WCF itself would serialize them.
        app => ((IApplicationBuilder)app).UseSoapEndpoint<ICalculator>(PeerHost.Path, new SoapEncoderOptions(), SoapSerializer.DataContractSerializer));
}
