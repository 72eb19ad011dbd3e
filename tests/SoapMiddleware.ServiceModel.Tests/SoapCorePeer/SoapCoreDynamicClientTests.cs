using System.Text.Json;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Description;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>
/// Our dynamic client and the <c>soapmw</c> tool against a server of another stack: SoapCore 1.2.1.18 hosting the
/// sample's WCF calculator on Kestrel on 127.0.0.1. The client is built from SoapCore's own WSDL at run time and calls
/// every operation; the tool inspects that WSDL and calls through it.
/// </summary>
public sealed class SoapCoreDynamicClientTests
{
    [Fact]
    public async Task FromWsdlAsync_SoapCoreWsdl_CallsEveryOperationWithTheirValues()
    {
        await using var soapCore = await SoapCoreHost.StartAsync<SampleApp.Wcf.ICalculator, SampleApp.Wcf.Calculator>();

        var client = await RpcClient.FromWsdlAsync(new Uri(soapCore.Endpoint + "?wsdl"));

        Assert.Empty(client.Warnings);
        Assert.Equal(soapCore.Endpoint.Authority, client.Address.Authority);
        Assert.Equal("héllo <x>", await client.CallAsync("Echo", new { text = "héllo <x>" }));
        Assert.Equal(3, await client.CallAsync("Add", new { a = 1, b = 2 }));
        Assert.Equal(3, await client.CallAsync("Divide", new { a = 7, b = 2 }));
        var order = Assert.IsType<RpcRecord>(await client.CallAsync("GetOrder", new { id = 7, lines = 2 }));
        Assert.Equal(7, order["Id"]);
        Assert.Equal("Customer 7", order["Customer"]);
        var lines = Assert.IsAssignableFrom<IReadOnlyList<object?>>(order["Lines"]);
        Assert.Equal(2, lines.Count);
        var second = Assert.IsType<RpcRecord>(lines[1]);
        Assert.Equal("SKU-2", second["Sku"]);
        Assert.Equal(2, second["Quantity"]);
        Assert.Equal(2.5m, second["Price"]);

        // SoapCore writes the fault code as s:Sender even on SOAP 1.1 (SoapCoreDeviations); the message and the typed
        // detail its WSDL declares still arrive.
        var fault = await Assert.ThrowsAsync<RpcFaultException>(() => client.CallAsync("Divide", new { a = 1, b = 0 }));
        Assert.Contains("Division by zero", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SoapmwInspectAndCall_SoapCoreWsdl()
    {
        await using var soapCore = await SoapCoreHost.StartAsync<SampleApp.Wcf.ICalculator, SampleApp.Wcf.Calculator>();
        var wsdl = soapCore.Endpoint + "?wsdl";

        var (inspectExit, inspected, inspectError) = await Soapmw("inspect", wsdl, "--json");
        Assert.True(inspectExit == 0, inspectError);
        using var json = JsonDocument.Parse(inspected);
        var operations = json.RootElement.GetProperty("services").EnumerateArray()
            .SelectMany(s => s.GetProperty("ports").EnumerateArray())
            .SelectMany(p => p.GetProperty("operations").EnumerateArray())
            .Select(o => o.GetProperty("name").GetString())
            .ToHashSet();
        Assert.Superset(new HashSet<string?> { "Echo", "Add", "GetOrder", "Divide" }, operations);

        var (callExit, called, callError) = await Soapmw("call", wsdl, "Add", "a=40", "b=2");
        Assert.True(callExit == 0, callError);
        Assert.Equal("42", called.Trim());
    }

    private static Task<(int ExitCode, string Output, string Error)> Soapmw(params string[] arguments)
        => ChildProcess.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "soapmw.dll"), .. arguments]);
}
