using System.Diagnostics;

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
        var script = Path.Combine(AppContext.BaseDirectory, "Interop", "zeep_client.py");
        var start = new ProcessStartInfo(ZeepTheoryAttribute.Python, [script, server.SoapUrl.ToString(), binding])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        var text = await output + await error;
        Assert.True(process.ExitCode == 0, text);
        Assert.Contains($"OK", text);
        Assert.Matches(@"OK \d{3,} checks", text);
    }
}
