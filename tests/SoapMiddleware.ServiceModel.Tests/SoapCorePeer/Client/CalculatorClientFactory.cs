using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Client;

/// <summary>
/// A <see cref="ChannelFactory{TChannel}"/> of <see cref="ICalculatorClient"/>: <see cref="BasicHttpBinding"/> for
/// SOAP 1.1, or a SOAP 1.2 text binding without WS-Addressing (what a WCF client configures for a plain SOAP 1.2 service).
/// </summary>
internal static class CalculatorClientFactory
{
    // GetOrder(id, 1000) is ~80 KB; the default 64 KB would fail the client, not the server.
    private const int MaxReceivedMessageSize = 4 * 1024 * 1024;

    /// <summary>A factory for one endpoint; the caller closes it.</summary>
    public static ChannelFactory<ICalculatorClient> Create(Uri endpoint, bool soap12 = false)
    {
        Binding binding = soap12
            ? new CustomBinding(
                new TextMessageEncodingBindingElement(MessageVersion.Soap12, Encoding.UTF8),
                new HttpTransportBindingElement { MaxReceivedMessageSize = MaxReceivedMessageSize })
            : new BasicHttpBinding { MaxReceivedMessageSize = MaxReceivedMessageSize };
        binding.SendTimeout = TimeSpan.FromSeconds(30);
        return new ChannelFactory<ICalculatorClient>(binding, new EndpointAddress(endpoint));
    }
}
