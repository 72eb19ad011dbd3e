using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Hosting;
using SoapMiddleware.Client.Tests.Typed;
using SoapMiddleware.Description;

namespace SoapMiddleware.Client.Tests.Dynamic;

/// <summary>
/// The description built from the sample app's WSDL is protocol-neutral: the same client, told to speak JSON or
/// MessagePack at the sample's <c>/json/calculator</c> or <c>/msgpack/calculator</c>, calls every calculator operation
/// and gets exactly the values the SOAP port gives, faults included.
/// </summary>
public sealed class WsdlProtocolsTests(SampleHost host) : IClassFixture<SampleHost>
{
    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    public async Task FromWsdlAsync_OtherProtocol_EveryOperationGivesTheSoapValues(string protocol)
    {
        var soap = await RpcClient.FromWsdlAsync(Wsdl);
        var other = await RpcClient.FromWsdlAsync(Wsdl, new RpcClientOptions { Protocol = protocol, Address = host.Endpoint(protocol) });

        Assert.Equal(protocol, other.Protocol);
        Assert.Equal(host.Endpoint(protocol), other.Address);
        Assert.Empty(other.Warnings);
        var calls = new (string Operation, object Arguments)[]
        {
            ("Echo", new { text = "héllo <x> & \"y\"" }),
            ("Add", new { a = 40, b = 2 }),
            ("Add", new Dictionary<string, object?> { ["a"] = "-10", ["b"] = 3L }),
            ("Divide", new { a = -7, b = 2 }),
            ("GetOrder", new { id = 7, lines = 3 }),
            ("GetOrder", new { id = 8, lines = 0 }),
            ("Sleep", new { seconds = 0 }),
            ("EchoBytes", new { data = new byte[] { 0, 1, 2, 250, 255 } }),
        };
        Assert.Equal(
            soap.Description.Operations.Select(o => o.Name).Order(StringComparer.Ordinal),
            calls.Select(c => c.Operation).Distinct().Order(StringComparer.Ordinal));

        foreach (var (operation, arguments) in calls)
        {
            var expected = await soap.CallAsync(operation, arguments);
            var actual = await other.CallAsync(operation, arguments);

            Assert.Equal(expected, actual);
            Assert.Equal(expected?.GetType(), actual?.GetType());
        }

        // Not only equal to each other: the values the sample's contract gives (docs/surface.md).
        Assert.Equal(42, await other.CallAsync("Add", new { a = 40, b = 2 }));
        var order = Assert.IsType<RpcRecord>(await other.CallAsync("GetOrder", new { id = 7, lines = 3 }));
        Assert.Equal("Customer 7", order["Customer"]);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), order["CreatedAt"]);
        var lines = Assert.IsAssignableFrom<IReadOnlyList<object?>>(order["Lines"]);
        Assert.Equal(3.75m, Assert.IsType<RpcRecord>(lines[2])["Price"]);
        Assert.Equal(new byte[] { 0, 1, 2, 250, 255 }, await other.CallAsync("EchoBytes", new { data = new byte[] { 0, 1, 2, 250, 255 } }));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("msgpack")]
    public async Task FromWsdlAsync_OtherProtocol_DivideByZeroIsTheSoapFault(string protocol)
    {
        var soap = await RpcClient.FromWsdlAsync(Wsdl);
        var other = await RpcClient.FromWsdlAsync(Wsdl, new RpcClientOptions { Protocol = protocol, Address = host.Endpoint(protocol) });

        var expected = await Assert.ThrowsAsync<RpcFaultException>(() => soap.CallAsync("Divide", new { a = 7, b = 0 }));
        var fault = await Assert.ThrowsAsync<RpcFaultException>(() => other.CallAsync("Divide", new { a = 7, b = 0 }));

        Assert.Equal(RpcFaultCode.Client, fault.Code);
        Assert.Equal(expected.Code, fault.Code);
        Assert.Equal(expected.Subcode, fault.Subcode);
        Assert.Equal(expected.Message, fault.Message);
        var detail = Assert.IsType<RpcRecord>(fault.Detail);
        Assert.Equal(7, detail["Dividend"]);
        Assert.Equal(expected.Detail, detail);
    }

    [Fact]
    public async Task FromWsdlAsync_JsonWithoutAddress_RefusedNamingTheAddress()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RpcClient.FromWsdlAsync(Wsdl, new RpcClientOptions { Protocol = "json" }));

        Assert.Contains("RpcClientOptions.Address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromWsdlAsync_Soap12OnTheSoap11Port_SpeaksSoap12()
    {
        var client = await RpcClient.FromWsdlAsync(Wsdl, new RpcClientOptions { Protocol = "soap12" });

        Assert.Equal("soap12", client.Protocol);
        var call = await client.CallWithContextAsync("Add", new { a = 2, b = 3 });
        Assert.Null(call.Error);
        Assert.Equal(5, call.Result);
        Assert.StartsWith("application/soap+xml", call.RequestContentType, StringComparison.Ordinal);
    }

    private Uri Wsdl => new(host.BaseAddress, "/soap/calculator?wsdl");
}
