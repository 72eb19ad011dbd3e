using System.Security.Cryptography;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;

namespace SoapMiddleware.ServiceModel.Tests.Mtom;

/// <summary>
/// The .NET WCF client (System.ServiceModel.Http) with MTOM message encoding, SOAP 1.1 and 1.2, sends a 10 MB binary
/// to the sample app's calculator and reads it back: our server reads its MTOM request and writes an MTOM response it
/// accepts. A binding with MTOM encoding refuses any response that is not MTOM, so the round trip proves both halves.
/// </summary>
public sealed class WcfMtomTests(Infrastructure.SampleHost sample) : IClassFixture<Infrastructure.SampleHost>
{
    private const int Size = 10 * 1024 * 1024;

    public static Binding Mtom(string version)
    {
        var envelope = version == "soap11" ? EnvelopeVersion.Soap11 : EnvelopeVersion.Soap12;
        return new CustomBinding(
            new MtomMessageEncodingBindingElement(MessageVersion.CreateVersion(envelope, AddressingVersion.None), Encoding.UTF8)
            {
                ReaderQuotas = { MaxArrayLength = int.MaxValue },
            },
            new HttpTransportBindingElement { MaxReceivedMessageSize = 64 * 1024 * 1024, MaxBufferSize = 64 * 1024 * 1024 })
        {
            SendTimeout = TimeSpan.FromMinutes(2),
            ReceiveTimeout = TimeSpan.FromMinutes(2),
        };
    }

    [Theory]
    [InlineData("soap11")]
    [InlineData("soap12")]
    public async Task EchoBytes_TenMegabytesOverMtom_SameBytesBack(string version)
    {
        var factory = new ChannelFactory<IEchoBytes>(Mtom(version), new EndpointAddress(new Uri(sample.BaseAddress, "/soap/calculator")));
        try
        {
            var data = RandomNumberGenerator.GetBytes(Size);
            var echoed = await Task.Run(() => factory.CreateChannel().EchoBytes(data));

            Assert.Equal(data, echoed);
        }
        finally
        {
            factory.Abort();
        }
    }

    [Fact]
    public async Task EchoBytes_BasicHttpBindingWithMtom_SameBytesBack()
    {
        var binding = new BasicHttpBinding { MessageEncoding = WSMessageEncoding.Mtom, MaxReceivedMessageSize = 64 * 1024 * 1024, MaxBufferSize = 64 * 1024 * 1024 };
        binding.ReaderQuotas.MaxArrayLength = int.MaxValue;
        var factory = new ChannelFactory<IEchoBytes>(binding, new EndpointAddress(new Uri(sample.BaseAddress, "/soap/calculator")));
        try
        {
            var data = RandomNumberGenerator.GetBytes(Size);

            Assert.Equal(data, await Task.Run(() => factory.CreateChannel().EchoBytes(data)));
        }
        finally
        {
            factory.Abort();
        }
    }
}
