using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Hosting;
using SoapMiddleware.Client.Tests.Typed;
using SoapMiddleware.Client.Wsdl;
using SoapMiddleware.Description;

namespace SoapMiddleware.Client.Tests.Dynamic;

/// <summary>
/// The dynamic client built from the sample app's own WSDLs, calling every operation of the calculator on each SOAP
/// port (SOAP 1.1 and 1.2) of <c>/soap/calculator</c> and of the WCF twin <c>/Calculator.svc</c>.
/// </summary>
public sealed class SampleWsdlClientTests(SampleHost host) : IClassFixture<SampleHost>
{
    public static TheoryData<string, string?> Ports => new()
    {
        { "/soap/calculator", null },
        { "/soap/calculator", "soap12" },
        { "/Calculator.svc", null },
        { "/Calculator.svc", "soap12" },
    };

    [Theory]
    [MemberData(nameof(Ports))]
    public async Task FromWsdlAsync_CallsEveryOperation_WithTheirValues(string path, string? protocol)
    {
        var client = await ClientOf(path, protocol);

        Assert.Equal(protocol ?? "soap11", client.Protocol);
        Assert.Equal("héllo <x>", await client.CallAsync("Echo", new { text = "héllo <x>" }));
        Assert.Equal(3, await client.CallAsync("Add", new { a = 1, b = 2 }));
        Assert.Equal(-7, await client.CallAsync("Add", new Dictionary<string, object?> { ["a"] = "-10", ["b"] = 3L }));
        Assert.Equal(3, await client.CallAsync("Divide", new { a = 7, b = 2 }));
        if (path == "/soap/calculator")
        {
            Assert.Null(await client.CallAsync("Sleep", new { seconds = 0 })); // the WCF twin has no Sleep
        }

        var order = Assert.IsType<RpcRecord>(await client.CallAsync("GetOrder", new { id = 7, lines = 3 }));
        Assert.Equal(7, order["Id"]);
        Assert.Equal("Customer 7", order["Customer"]);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), order["CreatedAt"]);
        var lines = Assert.IsAssignableFrom<IReadOnlyList<object?>>(order["Lines"]);
        Assert.Equal(3, lines.Count);
        for (var i = 1; i <= 3; i++)
        {
            var line = Assert.IsType<RpcRecord>(lines[i - 1]);
            Assert.Equal($"SKU-{i}", line["Sku"]);
            Assert.Equal(i, line["Quantity"]);
            Assert.Equal(i * 1.25m, line["Price"]);
        }
    }

    [Theory]
    [MemberData(nameof(Ports))]
    public async Task Divide_ByZero_IsAFaultWithItsTypedDetail(string path, string? protocol)
    {
        var client = await ClientOf(path, protocol);

        var fault = await Assert.ThrowsAsync<RpcFaultException>(() => client.CallAsync("Divide", new { a = 7, b = 0 }));

        Assert.Equal(RpcFaultCode.Client, fault.Code);
        Assert.Equal("DivideByZero", fault.Subcode);
        var detail = Assert.IsType<RpcRecord>(fault.Detail);
        Assert.Equal(7, detail["Dividend"]);
    }

    [Fact]
    public async Task CallWithContextAsync_GivesTheRawResponse()
    {
        var client = await ClientOf("/soap/calculator", null);

        var call = await client.CallWithContextAsync("Add", new { a = 2, b = 2 });

        Assert.Null(call.Error);
        Assert.Equal(4, call.Result);
        Assert.Contains("<AddResult>4</AddResult>", System.Text.Encoding.UTF8.GetString(call.ResponseBytes.Span).Replace("tns:", ""), StringComparison.Ordinal);
    }

    // The default port through FromWsdlAsync; the SOAP 1.2 one by name, from the same WSDL imported once.
    private async Task<RpcClient> ClientOf(string path, string? protocol)
    {
        var location = new Uri(host.BaseAddress, path + "?wsdl");
        RpcClient client;
        if (protocol is null)
        {
            client = await RpcClient.FromWsdlAsync(location);
        }
        else
        {
            using var http = new HttpClient();
            var wsdl = await new WsdlImporter(new WsdlImportOptions { Resolver = new HttpDocumentResolver(http, _ => true) }).ImportAsync(location);
            var port = wsdl.Services.SelectMany(s => s.Ports).First(p => p.Protocol == WsdlBindingProtocol.Soap12);
            client = RpcClient.FromWsdl(wsdl, new RpcClientOptions { Port = port.Name });
        }

        Assert.Empty(client.Warnings);
        Assert.Equal(host.BaseAddress.Authority, client.Address.Authority);
        return client;
    }
}
