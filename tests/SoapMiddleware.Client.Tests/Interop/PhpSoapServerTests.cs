using System.Text;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Hosting;
using SoapMiddleware.Client.Tests.Typed;
using SoapMiddleware.Description;

namespace SoapMiddleware.Client.Tests.Interop;

/// <summary>
/// The dynamic client (<see cref="RpcClient.FromWsdlAsync"/>) against PHP's <c>SoapServer</c>: every operation of an
/// rpc/encoded service (PHP's classic style: soapenc arrays both ways, a struct, multi-references, a SoapFault) and of
/// a document/literal wrapped one, values checked.
/// </summary>
public sealed class PhpSoapServerTests(PhpSoapServer php, ScriptedServer scripted) : IClassFixture<PhpSoapServer>, IClassFixture<ScriptedServer>
{
    [Fact]
    public async Task RpcEncoded_EveryOperation()
    {
        var client = await RpcClient.FromWsdlAsync(new Uri(php.BaseAddress, "/encoded?wsdl"));

        Assert.Empty(client.Warnings);
        Assert.All(client.Description.Operations, o => Assert.Equal((RpcBindingStyle.Rpc, RpcBodyUse.Encoded), (o.Style, o.Use)));
        Assert.Equal(3, await client.CallAsync("add", new { a = 1, b = 2 }));
        Assert.Equal("héllo <&> \"x\"", await client.CallAsync("echo", new { text = "héllo <&> \"x\"" }));
        Assert.Equal(["a", "b", "c"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(await client.CallAsync("split", new { text = "a,b,c" })));
        Assert.Equal("x+y+z", await client.CallAsync("join", new { items = new[] { "x", "y", "z" } }));
        Assert.Equal(3, await client.CallAsync("divide", new { a = 7, b = 2 }));

        var person = Assert.IsType<RpcRecord>(await client.CallAsync("getPerson", new { name = "Ada", age = 36 }));
        Assert.Equal("Ada", person["name"]);
        Assert.Equal(36, person["age"]);

        // PHP writes the one object twice as <item id="ref1">...</item><item href="#ref1"/>.
        var twins = Assert.IsAssignableFrom<IReadOnlyList<object?>>(await client.CallAsync("twins", new { name = "Bo" }));
        Assert.Equal(2, twins.Count);
        Assert.All(twins, twin =>
        {
            var record = Assert.IsType<RpcRecord>(twin);
            Assert.Equal("Bo", record["name"]);
            Assert.Equal(2, record["age"]);
        });
    }

    [Fact]
    public async Task RpcEncoded_Request_CarriesXsiTypesAndASoapencArray()
    {
        var client = await RpcClient.FromWsdlAsync(new Uri(php.BaseAddress, "/encoded?wsdl"));

        var call = await client.CallWithContextAsync("join", new { items = new[] { "x", "y", "z" } });

        Assert.Null(call.Error);
        var request = Encoding.UTF8.GetString(call.RequestBytes.Span);
        Assert.Contains("xsi:type=\"soapenc:Array\" soapenc:arrayType=\"xsd:string[3]\"", request);
        Assert.Contains("<item xsi:type=\"xsd:string\">y</item>", request);
        Assert.Contains("encodingStyle=\"http://schemas.xmlsoap.org/soap/encoding/\"", request);
    }

    [Fact]
    public async Task RpcEncoded_ReferenceToNothing_IsInvalidData()
    {
        var options = new RpcClientOptions { Address = new Uri(scripted.BaseAddress, "/encoded/dangling") };
        var client = await RpcClient.FromWsdlAsync(new Uri(php.BaseAddress, "/encoded?wsdl"), options);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => client.CallAsync("twins", new { name = "x" }));

        Assert.Contains("The response to 'twins' cannot be read", error.Message);
        Assert.Contains("the reference '#nope' names no element", error.Message);
    }

    [Fact]
    public async Task RpcLiteral_EveryOperation()
    {
        var client = await RpcClient.FromWsdlAsync(new Uri(php.BaseAddress, "/rpcliteral?wsdl"));

        Assert.Empty(client.Warnings);
        Assert.All(client.Description.Operations, o => Assert.Equal((RpcBindingStyle.Rpc, RpcBodyUse.Literal), (o.Style, o.Use)));
        Assert.Equal(5, await client.CallAsync("add", new { a = 2, b = 3 }));
        Assert.Equal("a & b", await client.CallAsync("echo", new { text = "a & b" }));
        Assert.Equal(-3, await client.CallAsync("divide", new { a = -7, b = 2 }));
        var person = Assert.IsType<RpcRecord>(await client.CallAsync("getPerson", new { name = "Lin", age = 5 }));
        Assert.Equal(("Lin", 5), ((string?)person["name"], (int?)person["age"]));
        var fault = await Assert.ThrowsAsync<RpcFaultException>(() => client.CallAsync("divide", new { a = 1, b = 0 }));
        Assert.Equal(RpcFaultCode.Client, fault.Code);
        var request = Encoding.UTF8.GetString((await client.CallWithContextAsync("add", new { a = 1, b = 1 })).RequestBytes.Span);
        Assert.DoesNotContain("xsi:type", request);
    }

    [Fact]
    public async Task RpcEncoded_SoapFault_IsAnRpcFaultException()
    {
        var client = await RpcClient.FromWsdlAsync(new Uri(php.BaseAddress, "/encoded?wsdl"));

        var fault = await Assert.ThrowsAsync<RpcFaultException>(() => client.CallAsync("divide", new { a = 1, b = 0 }));

        Assert.Equal(RpcFaultCode.Client, fault.Code);
        Assert.Equal("Division by zero.", fault.Message);
        Assert.Equal("divide", fault.Operation);
    }

    [Fact]
    public async Task DocumentLiteralWrapped_EveryOperation()
    {
        var client = await RpcClient.FromWsdlAsync(new Uri(php.BaseAddress, "/literal?wsdl"));

        Assert.Empty(client.Warnings);
        Assert.Equal("héllo <&>", await client.CallAsync("Echo", new { text = "héllo <&>" }));
        Assert.Equal(-1, await client.CallAsync("Add", new { a = 2, b = -3 }));
        var order = Assert.IsType<RpcRecord>(await client.CallAsync("GetOrder", new { id = 3, lines = 2 }));
        Assert.Equal(3, order["Id"]);
        Assert.Equal("Customer 3", order["Customer"]);
        Assert.Equal(["SKU-1", "SKU-2"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(order["Sku"]));

        var fault = await Assert.ThrowsAsync<RpcFaultException>(() => client.CallAsync("Reject", new { reason = "closed" }));
        Assert.Equal(RpcFaultCode.Server, fault.Code);
        Assert.Equal("Rejected: closed", fault.Message);
    }
}
