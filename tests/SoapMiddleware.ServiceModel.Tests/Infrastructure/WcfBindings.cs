using System.ServiceModel;
using System.ServiceModel.Channels;

namespace SoapMiddleware.ServiceModel.Tests.Infrastructure;

/// <summary>The bindings a WCF client uses against a SOAP endpoint: SOAP 1.1 and SOAP 1.2 without WS-Addressing.</summary>
public static class WcfBindings
{
    public const string Soap11 = "soap11";
    public const string Soap12 = "soap12";

    public static Binding Create(string version) => version switch
    {
        Soap11 => new BasicHttpBinding { MaxReceivedMessageSize = 16 * 1024 * 1024 },
        Soap12 => new CustomBinding(
            new TextMessageEncodingBindingElement(MessageVersion.CreateVersion(EnvelopeVersion.Soap12, AddressingVersion.None), System.Text.Encoding.UTF8),
            new HttpTransportBindingElement { MaxReceivedMessageSize = 16 * 1024 * 1024 }),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "soap11 or soap12"),
    };

    public static ChannelFactory<T> Factory<T>(string version, Uri address)
        => new(Create(version), new EndpointAddress(address));

    /// <summary>Runs <paramref name="work"/> on 8 threads at once, each with its own channel from the one shared factory.</summary>
    public static async Task OnEightThreadsAsync<T>(ChannelFactory<T> factory, Func<T, int, Task> work)
    {
        using var start = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(thread => Task.Factory.StartNew(() =>
        {
            var channel = factory.CreateChannel();
            ((IClientChannel)channel!).Open();
            start.SignalAndWait();
            try
            {
                work(channel, thread).GetAwaiter().GetResult();
            }
            finally
            {
                ((IClientChannel)channel).Close();
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(threads);
    }
}
