using SoapMiddleware.Tests.Zeep;

namespace SoapMiddleware.Tests.Interop;

/// <summary>A real SOAP client of another stack (Python zeep) imports the WSDL and calls every operation.</summary>
[Collection(SampleAppCollection.Name)]
public sealed class ZeepInteropTests(SampleAppServer server)
{
    [ZeepTheory]
    [InlineData("soap11")]
    [InlineData("soap12")]
    public async Task Zeep_EveryOperation_AllChecksPass(string binding)
    {
        var (exitCode, text) = await ZeepScript.RunAsync("zeep_client.py", server.SoapUrl.ToString(), binding);

        Assert.True(exitCode == 0, text);
        Assert.Contains($"OK", text);
        Assert.Matches(@"OK \d{3,} checks", text);
    }
}
