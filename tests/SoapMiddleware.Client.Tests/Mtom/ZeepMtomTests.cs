using SoapMiddleware.Tests.Zeep;

namespace SoapMiddleware.Client.Tests.Mtom;

/// <summary>zeep, a SOAP client no one here wrote, reads the sample app's MTOM responses (zeep cannot send MTOM; with Rpc:Mtom:AlwaysRespond the server answers MTOM anyway).</summary>
public sealed class ZeepMtomTests
{
    [ZeepTheory]
    [InlineData("soap")]
    public async Task EchoBytes_MtomResponses_ZeepReadsTheParts(string _)
    {
        await using var app = await SampleAppHost.StartAsync("soapmw-mtom-zeep-", ["--Rpc:Mtom:AlwaysRespond", "true"]);

        var (exitCode, output) = await ZeepScript.RunAsync("zeep_mtom.py", app.Url("/soap/calculator").ToString());

        Assert.True(exitCode == 0, output);
        Assert.Contains("ok CalculatorServiceSoap12 EchoBytes(1000000) as MTOM", output, StringComparison.Ordinal);
    }
}
