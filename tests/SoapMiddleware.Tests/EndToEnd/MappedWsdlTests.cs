using Microsoft.AspNetCore.Builder;
using SampleApp.Services;
using static SoapMiddleware.Tests.Infrastructure.SoapRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// The WSDL reflects what each endpoint maps: a binding and port for each SOAP version it reads and writes, at the
/// endpoint's own address; built once per set of versions and cached.
/// </summary>
public sealed class MappedWsdlTests : IAsyncLifetime
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace WsdlSoap11 = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace WsdlSoap12 = "http://schemas.xmlsoap.org/wsdl/soap12/";
    private int _built;
    private TestServer _server = null!;

    public async Task InitializeAsync()
        => _server = await TestServer.StartAsync(
            rpc => rpc.AddService<CalculatorService>().ConfigureEvents(events => events.AddListener(RpcEventNames.InterfaceDocumentBuilt, _ => Interlocked.Increment(ref _built))),
            map: app =>
            {
                app.MapRpc("/both");
                app.MapRpc("/soap12", p => p.In("soap12").Out("soap12"));
                app.MapRpc("/soap11", p => p.In("soap11").Out("soap11"));
                app.MapRpc("/reads-both-writes-11", p => p.In("soap11", "soap12").Out("soap11"));
                app.MapRpc("/soap12-and-json", p => p.In("soap12", "json").Out("soap12", "json"));
            });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<XDocument> WsdlAsync(string path) => XDocument.Parse(await _server.Client.GetStringAsync(path + "?wsdl"));

    private static List<XNamespace> BindingVersions(XDocument wsdl)
        => wsdl.Root!.Elements(Wsdl + "binding").Select(b => b.Elements().First(e => e.Name.LocalName == "binding").Name.Namespace).ToList();

    private static List<(string Binding, XName Address, string Location)> Ports(XDocument wsdl)
        => wsdl.Root!.Element(Wsdl + "service")!.Elements(Wsdl + "port")
            .Select(p => ((string)p.Attribute("binding")!, p.Elements().Single().Name, (string)p.Elements().Single().Attribute("location")!)).ToList();

    [Fact]
    public async Task Wsdl_Soap12OnlyEndpoint_OnlySoap12BindingAndPortAtItsAddress()
    {
        var wsdl = await WsdlAsync("/soap12");

        Assert.Equal([WsdlSoap12], BindingVersions(wsdl));
        Assert.Equal([("tns:CalculatorServiceSoap12Binding", WsdlSoap12 + "address", new Uri(_server.BaseAddress, "/soap12").ToString())], Ports(wsdl));
        Assert.DoesNotContain(wsdl.Descendants(), e => e.Name.Namespace == WsdlSoap11);
        Assert.Equal(6, wsdl.Root!.Element(Wsdl + "binding")!.Elements(Wsdl + "operation").Count()); // Echo, Add, GetOrder, Divide, Sleep, EchoBytes
    }

    [Fact]
    public async Task Wsdl_Soap11OnlyEndpoint_OnlySoap11Binding()
    {
        var wsdl = await WsdlAsync("/soap11");

        Assert.Equal([WsdlSoap11], BindingVersions(wsdl));
        Assert.Equal([("tns:CalculatorServiceSoap11Binding", WsdlSoap11 + "address", new Uri(_server.BaseAddress, "/soap11").ToString())], Ports(wsdl));
        Assert.DoesNotContain(wsdl.Descendants(), e => e.Name.Namespace == WsdlSoap12);
    }

    [Theory]
    [InlineData("/both")]
    [InlineData("/soap")]
    public async Task Wsdl_DefaultMapping_BothBindingsAndPorts(string path)
    {
        var wsdl = await WsdlAsync(path);

        Assert.Equal([WsdlSoap11, WsdlSoap12], BindingVersions(wsdl));
        var location = new Uri(_server.BaseAddress, path).ToString();
        Assert.Equal(
            [("tns:CalculatorServiceSoap11Binding", WsdlSoap11 + "address", location), ("tns:CalculatorServiceSoap12Binding", WsdlSoap12 + "address", location)],
            Ports(wsdl));
    }

    [Fact]
    public async Task Wsdl_ReadsBothWritesSoap11_OnlySoap11Binding()
    {
        // A SOAP 1.2 binding would promise SOAP 1.2 responses, which this endpoint does not write.
        Assert.Equal([WsdlSoap11], BindingVersions(await WsdlAsync("/reads-both-writes-11")));
    }

    [Fact]
    public async Task Wsdl_Soap12AndJson_Soap12BindingOnly_AndServesSoap12Calls()
    {
        var wsdl = await WsdlAsync("/soap12-and-json");
        var (status, response, _) = await SendAsync(_server.Client, Soap12Request(new Uri(_server.BaseAddress, "/soap12-and-json"), Envelope12("<t:Add><t:a>2</t:a><t:b>3</t:b></t:Add>")));

        Assert.Equal([WsdlSoap12], BindingVersions(wsdl));
        Assert.Equal(200, status);
        Assert.Equal("5", BodyContent(response).Value);
    }

    [Fact]
    public async Task Wsdl_BuiltOncePerSetOfVersions_ThenServedFromCache()
    {
        var first = new Dictionary<string, string>();
        foreach (var path in new[] { "/soap12", "/soap11", "/both", "/soap", "/reads-both-writes-11", "/soap12-and-json" })
        {
            first[path] = await _server.Client.GetStringAsync(path + "?wsdl");
        }

        foreach (var (path, text) in first)
        {
            Assert.Equal(text, await _server.Client.GetStringAsync(path + "?wsdl"));
        }

        // SOAP 1.2 alone, SOAP 1.1 alone, both: three documents however many endpoints share them.
        Assert.Equal(3, Volatile.Read(ref _built));
    }

    [Fact]
    public async Task Xsd_SameOnEveryEndpoint()
    {
        var xsd = await _server.Client.GetStringAsync("/soap12?xsd");

        Assert.Equal(xsd, await _server.Client.GetStringAsync("/soap11?xsd"));
        Assert.Equal("schema", XDocument.Parse(xsd).Root!.Name.LocalName);
    }
}
