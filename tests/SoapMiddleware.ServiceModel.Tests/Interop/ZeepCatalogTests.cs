using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.ServiceModel.Tests.Contracts.Catalog;
using SoapMiddleware.ServiceModel.Tests.Infrastructure;
using SoapMiddleware.Tests.Zeep;

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
        var (exitCode, text) = await ZeepScript.RunAsync("zeep_catalog.py", host.Url("/Catalog.svc").ToString(), binding);

        Assert.True(exitCode == 0, text);
        Assert.Matches(@"OK \d{2,} checks", text);
    }
}
