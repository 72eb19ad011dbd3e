using System.Text.Json;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Description;

namespace SoapMiddleware.Client.Tests.Dynamic;

/// <summary>
/// The dynamic client against a real Spyne server (another stack's document/literal wrapped, with its <c>stringArray</c>
/// wrappers, <c>xs:integer</c>, nested complex types and a declared fault), and <c>soapmw inspect</c> on its WSDL.
/// </summary>
public sealed class SpyneClientTests(SpyneServer spyne) : IClassFixture<SpyneServer>
{
    [Fact]
    public async Task FromWsdlAsync_CallsEverySpyneOperation_WithTheirValues()
    {
        var client = await spyne.ClientAsync();

        Assert.Empty(client.Warnings);
        Assert.Equal(["say_hello", "add", "total", "make_person", "describe", "lookup"], client.Description.Operations.Select(o => o.Name));
        Assert.Equal(["Hello, Ann", "Hello, Ann"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(await client.CallAsync("say_hello", new { name = "Ann", times = 2 })));
        Assert.Equal(42, await client.CallAsync("add", new { a = 40, b = 2 }));
        Assert.Equal(60L, await client.CallAsync("total", new { numbers = new[] { 10, 20, 30 } }));

        var person = Assert.IsType<RpcRecord>(await client.CallAsync("make_person", new { name = "Bo", age = 4 }));
        Assert.Equal("Bo", person["name"]);
        Assert.Equal(4, person["age"]);
        Assert.Equal(6.0, person["score"]);
        Assert.Equal(true, person["active"]);
        Assert.Equal(new DateTime(2000, 1, 2, 3, 4, 5, DateTimeKind.Utc), ((DateTime)person["born"]!).ToUniversalTime());
        Assert.Equal(["t1", "t2"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(person["tags"]));
        var addresses = Assert.IsAssignableFrom<IReadOnlyList<object?>>(person["addresses"]);
        Assert.Equal("City 2", Assert.IsType<RpcRecord>(addresses[1])["city"]);

        // A record read from one call is an argument of the next, as read.
        Assert.Equal("Bo (4) tags=t1,t2 cities=City 1,City 2", await client.CallAsync("describe", new { person }));
        Assert.Equal("value of known", await client.CallAsync("lookup", new { key = "known" }));
    }

    [Fact]
    public async Task Lookup_OfAMissingKey_IsASpyneFaultWithItsTypedDetail()
    {
        var client = await spyne.ClientAsync();

        var fault = await Assert.ThrowsAsync<RpcFaultException>(() => client.CallAsync("lookup", new { key = "nope" }));

        Assert.Equal(RpcFaultCode.Client, fault.Code);
        Assert.Equal("No such key: nope", fault.Message);
        var detail = Assert.IsType<RpcRecord>(fault.Detail);
        Assert.Equal("nope", detail["key"]);
        Assert.Equal(3, detail["tries"]);
    }

    [Fact]
    public async Task SoapmwInspect_SpyneWsdl_ListsItsOperationsAndFault()
    {
        var (exitCode, output, error) = await ChildProcess.RunAsync("dotnet", Path.Combine(AppContext.BaseDirectory, "soapmw.dll"), "inspect", spyne.Wsdl.ToString(), "--json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var port = Assert.Single(Assert.Single(json.RootElement.GetProperty("services").EnumerateArray()).GetProperty("ports").EnumerateArray());
        var operations = port.GetProperty("operations").EnumerateArray().ToList();
        Assert.Equal(["say_hello", "add", "total", "make_person", "describe", "lookup"], operations.Select(o => o.GetProperty("name").GetString()));
        Assert.Equal(["a", "b"], operations[1].GetProperty("input").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Single(operations[5].GetProperty("faults").EnumerateArray());
    }
}
