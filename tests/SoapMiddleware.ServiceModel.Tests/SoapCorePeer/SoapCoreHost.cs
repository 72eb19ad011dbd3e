using System.ServiceModel.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapCore;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>A WCF contract hosted by SoapCore 1.2.1.18 the way its README shows, with default settings.</summary>
internal static class SoapCoreHost
{
    /// <summary>
    /// Starts SoapCore on 127.0.0.1 at <see cref="PeerHost.Path"/>: <c>AddSoapCore()</c>,
    /// <c>UseSoapEndpoint&lt;TContract&gt;</c> in DataContractSerializer mode for contracts of <c>[DataContract]</c>s
    /// (how WCF itself serializes them), or XmlSerializer mode when <paramref name="xmlSerializer"/> says the contract
    /// is <c>[XmlSerializerFormat]</c>. SOAP 1.1 only, SoapCore's default, unless
    /// <paramref name="withSoap12"/> adds its SOAP 1.2 encoder (no WS-Addressing) on the same path, which is what a
    /// SoapCore user serving SOAP 1.2 configures.
    /// </summary>
    public static Task<PeerHost> StartAsync<TContract, TService>(bool withSoap12 = false, bool xmlSerializer = false)
        where TContract : class
        where TService : class, TContract
        => PeerHost.StartAsync(
            "SoapCore",
            services =>
            {
                services.AddSoapCore();
                services.AddSingleton<TContract, TService>();
            },
            // As middleware (IApplicationBuilder), as SoapCore's README and issue 10 show it.
            app => ((IApplicationBuilder)app).UseSoapEndpoint<TContract>(
                PeerHost.Path,
                withSoap12 ? [new SoapEncoderOptions(), new SoapEncoderOptions { MessageVersion = MessageVersion.Soap12 }] : [new SoapEncoderOptions()],
                xmlSerializer ? SoapSerializer.XmlSerializer : SoapSerializer.DataContractSerializer));
}
