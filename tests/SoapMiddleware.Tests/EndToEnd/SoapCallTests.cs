using static SoapMiddleware.Tests.Infrastructure.SoapRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>Raw SOAP 1.1 and 1.2 calls to the sample app over a real Kestrel socket.</summary>
[Collection(SampleAppCollection.Name)]
public sealed class SoapCallTests(SampleAppServer server)
{
    [Theory]
    [InlineData("\"http://example.com/calc/CalculatorService/Add\"")]
    [InlineData("http://example.com/calc/CalculatorService/Add")]
    [InlineData("\"\"")]
    [InlineData(null)]
    public async Task Add_Soap11WithAnySoapActionForm_ReturnsSum(string? soapAction)
    {
        var request = Soap11Request(server.SoapUrl, Envelope11("<t:Add><t:a>40</t:a><t:b>2</t:b></t:Add>"), soapAction);

        var (status, document, response) = await SendAsync(server.Client, request);

        Assert.Equal(200, status);
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType!.ToString());
        var result = BodyContent(document);
        Assert.Equal(T + "AddResponse", result.Name);
        Assert.Equal("42", result.Element(T + "AddResult")!.Value);
    }

    [Theory]
    [InlineData("http://example.com/calc/CalculatorService/Add")]
    [InlineData(null)]
    public async Task Add_Soap12WithOrWithoutActionParameter_ReturnsSum(string? action)
    {
        var request = Soap12Request(server.SoapUrl, Envelope12("<t:Add><t:a>-7</t:a><t:b>2</t:b></t:Add>"), action);

        var (status, document, response) = await SendAsync(server.Client, request);

        Assert.Equal(200, status);
        Assert.StartsWith("application/soap+xml", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(Soap12 + "Envelope", document.Root!.Name);
        Assert.Equal("-5", BodyContent(document).Element(T + "AddResult")!.Value);
    }

    [Fact]
    public async Task Add_DefaultNamespaceAndUnqualifiedChildren_ReturnsSum()
    {
        var envelope = """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Add xmlns="http://example.com/calc"><a>2</a><b>3</b></Add></soap:Body></soap:Envelope>""";

        var (status, document, _) = await SendAsync(server.Client, Soap11Request(server.SoapUrl, envelope));

        Assert.Equal(200, status);
        Assert.Equal("5", BodyContent(document).Value);
    }

    [Fact]
    public async Task Echo_MarkupAndUnicode_RoundTrips()
    {
        const string text = "a <b> & \"c\" żółć 🚀";
        var escaped = System.Security.SecurityElement.Escape(text);
        var request = Soap11Request(server.SoapUrl, Envelope11($"<t:Echo><t:text>{escaped}</t:text></t:Echo>"));

        var (status, document, _) = await SendAsync(server.Client, request);

        Assert.Equal(200, status);
        Assert.Equal(text, BodyContent(document).Element(T + "EchoResult")!.Value);
    }

    [Fact]
    public async Task Echo_CarriageReturn_SurvivesTheRoundTrip()
    {
        var request = Soap11Request(server.SoapUrl, Envelope11("<t:Echo><t:text>a&#xD;&#xA;b</t:text></t:Echo>"));

        var (status, document, _) = await SendAsync(server.Client, request);

        Assert.Equal(200, status);
        Assert.Equal("a\r\nb", BodyContent(document).Element(T + "EchoResult")!.Value);
    }

    [Fact]
    public async Task GetOrder_ThreeLines_ReturnsDeterministicOrder()
    {
        var request = Soap11Request(server.SoapUrl, Envelope11("<t:GetOrder><t:id>9</t:id><t:lines>3</t:lines></t:GetOrder>"));

        var (status, document, _) = await SendAsync(server.Client, request);

        Assert.Equal(200, status);
        var order = BodyContent(document).Element(T + "GetOrderResult")!;
        Assert.Equal("9", order.Element(T + "Id")!.Value);
        Assert.Equal("Customer 9", order.Element(T + "Customer")!.Value);
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), DateTime.Parse(order.Element(T + "CreatedAt")!.Value, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        var lines = order.Element(T + "Lines")!.Elements(T + "OrderLine").ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal(["SKU-1", "SKU-2", "SKU-3"], lines.Select(l => l.Element(T + "Sku")!.Value));
        Assert.Equal([1.25m, 2.5m, 3.75m], lines.Select(l => decimal.Parse(l.Element(T + "Price")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Divide_ByZeroSoap11_ClientFaultWithTypedDetail()
    {
        var request = Soap11Request(server.SoapUrl, Envelope11("<t:Divide><t:a>5</t:a><t:b>0</t:b></t:Divide>"));

        var (status, document, _) = await SendAsync(server.Client, request);

        Assert.Equal(500, status);
        var fault = BodyContent(document);
        Assert.Equal(Soap11 + "Fault", fault.Name);
        Assert.Equal("soap:Client", fault.Element("faultcode")!.Value);
        Assert.Equal("Division by zero.", fault.Element("faultstring")!.Value);
        var detail = fault.Element("detail")!;
        Assert.Equal(T + "DivisionFault", detail.Elements().Single().Name);
        Assert.Equal("5", detail.Elements().Single().Element(T + "Dividend")!.Value);
        Assert.Equal("DivideByZero", detail.Attribute(T + "FaultSubcode")!.Value);
    }

    [Fact]
    public async Task Divide_ByZeroSoap12_SenderFaultWithSubcode()
    {
        var request = Soap12Request(server.SoapUrl, Envelope12("<t:Divide><t:a>5</t:a><t:b>0</t:b></t:Divide>"));

        var (status, document, _) = await SendAsync(server.Client, request);

        Assert.Equal(500, status);
        var fault = BodyContent(document);
        Assert.Equal(Soap12 + "Fault", fault.Name);
        var code = fault.Element(Soap12 + "Code")!;
        Assert.Equal("soap:Sender", code.Element(Soap12 + "Value")!.Value);
        Assert.Equal("app:DivideByZero", code.Element(Soap12 + "Subcode")!.Element(Soap12 + "Value")!.Value);
        Assert.Equal("Division by zero.", fault.Element(Soap12 + "Reason")!.Element(Soap12 + "Text")!.Value);
    }

    [Fact]
    public async Task Sleep_Void_ReturnsEmptyResponseElement()
    {
        var request = Soap11Request(server.SoapUrl, Envelope11("<t:Sleep><t:seconds>0</t:seconds></t:Sleep>"));

        var (status, document, _) = await SendAsync(server.Client, request);

        Assert.Equal(200, status);
        var result = BodyContent(document);
        Assert.Equal(T + "SleepResponse", result.Name);
        Assert.Empty(result.Elements());
    }

    [Fact]
    public async Task Health_PlainEndpoint_StillServed()
    {
        var response = await server.Client.GetAsync("/health");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ok", await response.Content.ReadAsStringAsync());
    }
}
