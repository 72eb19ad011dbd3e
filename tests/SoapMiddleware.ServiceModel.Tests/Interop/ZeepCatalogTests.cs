using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.ServiceModel.Tests.Contracts.Catalog;
using SoapMiddleware.ServiceModel.Tests.Infrastructure;

namespace SoapMiddleware.ServiceModel.Tests.Interop;

/// <summary>
/// A SOAP client of another stack (Python zeep) imports the catalog contract's WSDL, whose types live in four
/// namespaces (one schema each, with imports), and calls every operation with collections of primitives.
/// </summary>
public sealed class ZeepCatalogTests
{
    [ZeepTheory]
    [InlineData("soap11")]
    [InlineData("soap12")]
    public async Task Zeep_CatalogWsdl_EveryOperationChecked(string binding)
    {
        await using var host = await ContractHost.StartAsync(rpc => rpc.AddService<ICatalog, Catalog>(), app => app.MapRpc<ICatalog>("/Catalog.svc"));
        var script = Path.Combine(AppContext.BaseDirectory, "Interop", "zeep_catalog.py");
        var start = new ProcessStartInfo(ZeepTheoryAttribute.Python, [script, host.Url("/Catalog.svc").ToString(), binding])
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
        Assert.Matches(@"OK \d{2,} checks", text);
    }
}
