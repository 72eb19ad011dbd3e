using System.ServiceModel;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Client;

/// <summary>A <see cref="ChannelFactory{TChannel}"/> of <see cref="ICalculatorClient"/> over <see cref="BasicHttpBinding"/> (SOAP 1.1).</summary>
internal static class CalculatorClientFactory
{
    /// <summary>A factory for one endpoint; the caller closes it.</summary>
    public static ChannelFactory<ICalculatorClient> Create(Uri endpoint)
    {
        var binding = new BasicHttpBinding
        {
            // GetOrder(id, 1000) is ~80 KB; the default 64 KB would fail the client, not the server.
            MaxReceivedMessageSize = 4 * 1024 * 1024,
            SendTimeout = TimeSpan.FromSeconds(30),
        };
        return new ChannelFactory<ICalculatorClient>(binding, new EndpointAddress(endpoint));
    }
}
