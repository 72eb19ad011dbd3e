using System.ServiceModel.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapCore;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>The calculator contract hosted by SoapCore 1.2.1.18 the way its README shows, with default settings.</summary>
internal static class SoapCoreCalculatorHost
{
    /// <summary>
    /// Starts SoapCore on 127.0.0.1: <c>AddSoapCore()</c>, <c>UseSoapEndpoint&lt;ICalculator&gt;</c>, DataContractSerializer
    /// mode. SOAP 1.1 only, SoapCore's default, unless <paramref name="withSoap12"/> adds its SOAP 1.2 encoder (no
    /// WS-Addressing) on the same path, which is what a SoapCore user serving SOAP 1.2 configures.
    /// </summary>
    public static Task<PeerHost> StartAsync(bool withSoap12 = false) => PeerHost.StartAsync(
        "SoapCore",
        services =>
        {
            services.AddSoapCore();
            services.AddSingleton<ICalculator, CalculatorService>();
        },
        // As middleware (IApplicationBuilder), as SoapCore's README and issue 10 show it; DataContractSerializer because
        // the contract's types are [DataContract]s (see ICalculator), which is how WCF itself would serialize them.
        app => ((IApplicationBuilder)app).UseSoapEndpoint<ICalculator>(
            PeerHost.Path,
            withSoap12 ? [new SoapEncoderOptions(), new SoapEncoderOptions { MessageVersion = MessageVersion.Soap12 }] : [new SoapEncoderOptions()],
            SoapSerializer.DataContractSerializer));
}
