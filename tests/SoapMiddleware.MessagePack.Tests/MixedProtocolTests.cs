using System.Text;
using System.Xml.Linq;
using SoapMiddleware.MessagePack.Tests.Infrastructure;
using SoapMiddleware.MessagePack.Tests.Wire;
using static SoapMiddleware.MessagePack.Tests.Infrastructure.MsgPack;

namespace SoapMiddleware.MessagePack.Tests;

/// <summary>Endpoints whose in and out protocols differ: HTTP RPC in, SOAP out; JSON in, MessagePack out.</summary>
[Collection(ToolServerCollection.Name)]
public sealed class MixedProtocolTests(ToolServer server)
{
    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Tns = ToolServer.Tns;

    [Fact]
    public async Task HttpRpcIn_SoapOut_Add()
    {
        using var response = await server.Client.GetAsync("/httprpc-to-soap/Add?a=1&b=2");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var body = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element(Soap + "Body")!;
        var result = body.Element(Tns + "AddResponse")!.Elements().Single();
        Assert.Equal("AddResult", result.Name.LocalName);
        Assert.Equal("3", result.Value);
    }

    [Fact]
    public async Task HttpRpcIn_SoapOut_GetOrder()
    {
        using var response = await server.Client.GetAsync("/httprpc-to-soap/GetOrder?id=5&lines=2");

        Assert.Equal(200, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var order = XDocument.Parse(text).Descendants().Single(e => e.Name.LocalName == "GetOrderResult");
        Assert.Equal("Customer 5", order.Elements().Single(e => e.Name.LocalName == "Customer").Value);
        Assert.Equal(["SKU-1", "SKU-2"], order.Descendants().Where(e => e.Name.LocalName == "Sku").Select(e => e.Value));
    }

    [Fact]
    public async Task HttpRpcIn_SoapOut_FaultIsASoapFault500()
    {
        using var response = await server.Client.GetAsync("/httprpc-to-soap/Divide?a=1&b=0");

        Assert.Equal(500, (int)response.StatusCode);
        var fault = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element(Soap + "Body")!.Element(Soap + "Fault")!;
        Assert.EndsWith(":Client", fault.Element("faultcode")!.Value);
        Assert.Equal("DivideByZero", fault.Element("detail")!.Attributes().Single(a => a.Name.LocalName == "FaultSubcode").Value);
        Assert.Equal("Division by zero.", fault.Element("faultstring")!.Value);
    }

    [Fact]
    public async Task HttpRpcIn_SoapOut_InvalidArgumentIsASoapFault()
    {
        using var response = await server.Client.GetAsync("/httprpc-to-soap/Add?a=x&b=2");

        Assert.Equal(500, (int)response.StatusCode);
        var fault = XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Soap + "Fault").Single();
        Assert.Equal("Element 'Add/a': 'x' is not a valid xs:int.", fault.Element("faultstring")!.Value);
    }

    [Fact]
    public async Task JsonIn_MessagePackOut_Add()
    {
        var response = await PostJsonAsync("{\"Add\": {\"a\": 1, \"b\": 2}}");

        Assert.Equal(3, response.Result<int>("Add"));
        Assert.Equal([0x81, 0xa9, .. "AddResult"u8, 0x03], response.Body);
    }

    [Fact]
    public async Task JsonIn_MessagePackOut_GetOrder()
    {
        var response = await PostJsonAsync("{\"GetOrder\": {\"id\": 9, \"lines\": 3}}");

        MessagePackCallTests.AssertOrder(response.Result<WireOrder>("GetOrder"), 9, 3);
    }

    [Fact]
    public async Task JsonIn_MessagePackOut_BinaryArgumentAsBase64_BinResult()
    {
        var response = await PostJsonAsync("{\"Reverse\": {\"data\": \"AQID\"}}");

        Assert.Equal(new byte[] { 3, 2, 1 }, response.Result<byte[]>("Reverse"));
    }

    [Fact]
    public async Task JsonIn_MessagePackOut_FaultInMessagePack()
    {
        var response = await PostJsonAsync("{\"Divide\": {\"a\": 1, \"b\": 0}}");

        var fault = response.Fault(400);
        Assert.Equal("DivideByZero", fault.Subcode);
    }

    [Fact]
    public async Task JsonIn_MessagePackOut_InvalidJsonIsAMessagePackFault()
    {
        var response = await PostJsonAsync("{not json");

        Assert.StartsWith("The request is not valid JSON", response.Fault(400).Message);
    }

    [Fact]
    public async Task JsonIn_MessagePackOut_MessagePackRequestIs415()
    {
        var response = await PostAsync(server.Client, "/json-to-msgpack", Pack(new { Add = new { a = 1, b = 2 } }));

        Assert.Equal("Unsupported Content-Type 'application/msgpack'; expected 'application/json'.", response.Fault(415).Message);
    }

    private async Task<MsgPackResponse> PostJsonAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await server.Client.PostAsync("/json-to-msgpack", content);
        return new MsgPackResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }
}
