using SoapMiddleware.ServiceModel.Tests.SoapCorePeer.Client;
using Xunit.Abstractions;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>
/// The peer on its own: the WCF client written against SoapCore's WSDL gets the expected answers from SoapCore (with
/// its known deviations, <see cref="SoapCoreDeviations"/>), so the client, its contract and the expectations are right
/// before our host is compared with it.
/// </summary>
public sealed class SoapCoreClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WcfClient_SoapCoreHost_EveryOperationAnswersAsExpected()
    {
        await using var host = await SoapCoreHost.StartAsync<SampleApp.Wcf.ICalculator, SampleApp.Wcf.Calculator>();
        var factory = CalculatorClientFactory.Create(host.Endpoint);

        var calls = await Task.Run(() => CalculatorCalls.Run(factory.CreateChannel()));
        factory.Close();

        foreach (var call in calls)
        {
            output.WriteLine(call.ToString().Length > 300 ? call.ToString()[..300] + "..." : call.ToString());
        }

        Assert.Equal(SoapCoreDeviations.Apply(CalculatorCalls.Expected()), calls);
    }
}
