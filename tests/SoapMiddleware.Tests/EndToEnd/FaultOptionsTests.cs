using SoapMiddleware.Tests.Wrappers;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>The development option that puts exception details into Server faults, and the request's token.</summary>
public sealed class FaultOptionsTests
{
    [Fact]
    public async Task IncludeExceptionDetails_On_ServerFaultCarriesTypeAndMessage()
    {
        await using var server = await TestServer.StartAsync(rpc =>
        {
            rpc.Services.AddSingleton(new Journal());
            rpc.Services.Configure<RpcOptions>(o => o.IncludeExceptionDetails = true);
            rpc.AddService<WrappedService>();
        });

        var (status, document, _) = await server.CallAsync("<t:Fail><t:kind>crash</t:kind></t:Fail>");

        Assert.Equal(500, status);
        Assert.Equal("Internal Error", document.Descendants("faultstring").Single().Value);
        var detail = document.Descendants(SoapRequests.T + "ExceptionDetail").Single();
        Assert.Equal("System.InvalidOperationException", detail.Element(SoapRequests.T + "Type")!.Value);
        Assert.Equal("boom", detail.Element(SoapRequests.T + "Message")!.Value);
    }

    [Fact]
    public async Task PublicBaseUrl_Set_WsdlAddressUsesIt()
    {
        await using var server = await TestServer.StartAsync(rpc =>
        {
            rpc.Services.AddSingleton(new Journal());
            rpc.Services.Configure<RpcOptions>(o => o.PublicBaseUrl = "https://api.example.com/");
            rpc.AddService<WrappedService>();
        });

        var wsdl = XDocument.Parse(await server.Client.GetStringAsync("/soap?wsdl"));

        var addresses = wsdl.Descendants().Where(e => e.Name.LocalName == "address").Select(e => (string)e.Attribute("location")!).ToList();
        Assert.Equal(2, addresses.Count);
        Assert.All(addresses, a => Assert.Equal("https://api.example.com/soap", a));
    }
}
