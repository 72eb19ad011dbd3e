using System.Globalization;
using System.Text.Json;
using static SoapMiddleware.Tests.Infrastructure.JsonRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>JSON calls to the sample app over a real Kestrel socket, in both request shapes.</summary>
[Collection(SampleAppCollection.Name)]
public sealed class JsonCallTests(SampleAppServer server)
{
    /// <summary>Calls <paramref name="operation"/> either by route (<c>/json/calculator/Add</c>) or by envelope (<c>{"Add": ...}</c>).</summary>
    private Task<(int Status, JsonElement Body, HttpResponseMessage Response)> CallAsync(bool byRoute, string operation, string arguments)
        => byRoute
            ? PostJsonAsync(server.Client, "/json/calculator/" + operation, arguments)
            : PostJsonAsync(server.Client, "/json/calculator", $"{{\"{operation}\": {arguments}}}");

    [Theory]
    [InlineData(true, 40, 2, 42)]
    [InlineData(false, 40, 2, 42)]
    [InlineData(true, int.MaxValue, 0, int.MaxValue)]
    [InlineData(false, int.MinValue, 0, int.MinValue)]
    [InlineData(true, int.MaxValue, 1, int.MinValue)]
    [InlineData(false, -7, 2, -5)]
    public async Task Add_BothShapes_ReturnsSumAsJsonNumber(bool byRoute, int a, int b, int expected)
    {
        var (status, body, response) = await CallAsync(byRoute, "Add", $"{{\"a\": {a}, \"b\": {b}}}");

        Assert.Equal(200, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(JsonValueKind.Number, body.GetProperty("AddResult").ValueKind);
        Assert.Equal(expected, body.GetProperty("AddResult").GetInt32());
        Assert.Single(body.EnumerateObject());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Echo_MarkupUnicodeAndEscapes_RoundTrip(bool byRoute)
    {
        const string text = "a <b> & \"c\" żółć 🚀 \\ \t line\r\nnext";

        var (status, body, _) = await CallAsync(byRoute, "Echo", JsonSerializer.Serialize(new { text }));

        Assert.Equal(200, status);
        Assert.Equal(text, body.GetProperty("EchoResult").GetString());
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(true, 1)]
    [InlineData(true, 50)]
    [InlineData(false, 0)]
    [InlineData(false, 1)]
    [InlineData(false, 50)]
    public async Task GetOrder_LineCounts_EveryFieldTyped(bool byRoute, int lines)
    {
        var (status, body, _) = await CallAsync(byRoute, "GetOrder", $"{{\"id\": 17, \"lines\": {lines}}}");

        Assert.Equal(200, status);
        AssertOrder(body.GetProperty("GetOrderResult"), 17, lines);
    }

    internal static void AssertOrder(JsonElement order, int id, int lines)
    {
        Assert.Equal(id, order.GetProperty("Id").GetInt32());
        Assert.Equal($"Customer {id}", order.GetProperty("Customer").GetString());
        Assert.Equal(JsonValueKind.String, order.GetProperty("CreatedAt").ValueKind);
        Assert.Equal("2024-01-01T00:00:00Z", order.GetProperty("CreatedAt").GetString());
        var created = DateTimeOffset.Parse(order.GetProperty("CreatedAt").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), created);
        var items = order.GetProperty("Lines").EnumerateArray().ToList();
        Assert.Equal(lines, items.Count);
        for (var i = 1; i <= lines; i++)
        {
            var line = items[i - 1];
            Assert.Equal($"SKU-{i}", line.GetProperty("Sku").GetString());
            Assert.Equal(i, line.GetProperty("Quantity").GetInt32());
            Assert.Equal(JsonValueKind.Number, line.GetProperty("Price").ValueKind);
            Assert.Equal(i * 1.25m, line.GetProperty("Price").GetDecimal());
        }

        if (lines >= 1)
        {
            Assert.Equal("1.25", items[0].GetProperty("Price").GetRawText());
        }
    }

    [Theory]
    [InlineData(true, 7, 2, 3)]
    [InlineData(false, -7, 2, -3)]
    [InlineData(true, int.MinValue, -1, int.MinValue)]
    public async Task Divide_Truncates(bool byRoute, int a, int b, int expected)
    {
        var (status, body, _) = await CallAsync(byRoute, "Divide", $"{{\"a\": {a}, \"b\": {b}}}");

        Assert.Equal(200, status);
        Assert.Equal(expected, body.GetProperty("DivideResult").GetInt32());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Divide_ByZero_400WithClientFaultSubcodeAndDetail(bool byRoute)
    {
        var (status, body, _) = await CallAsync(byRoute, "Divide", "{\"a\": 9, \"b\": 0}");

        Assert.Equal(400, status);
        var fault = Fault(body);
        Assert.Equal("Client", fault.GetProperty("code").GetString());
        Assert.Equal("Division by zero.", fault.GetProperty("message").GetString());
        Assert.Equal("DivideByZero", fault.GetProperty("subcode").GetString());
        Assert.Equal(9, fault.GetProperty("detail").GetProperty("Dividend").GetInt32());
        Assert.False(fault.TryGetProperty("stackTrace", out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Sleep_Void_EmptyObject(bool byRoute)
    {
        var (status, body, _) = await CallAsync(byRoute, "Sleep", "{\"seconds\": 0}");

        Assert.Equal(200, status);
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        Assert.Empty(body.EnumerateObject());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Add_InvalidArgument_400NamingTheElementAsSoapDoes(bool byRoute)
    {
        var (status, body, _) = await CallAsync(byRoute, "Add", "{\"a\": \"x\", \"b\": 1}");

        Assert.Equal(400, status);
        var fault = Fault(body);
        Assert.Equal("Client", fault.GetProperty("code").GetString());
        Assert.Equal("Element 'Add/a': 'x' is not a valid xs:int.", fault.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{\"a\": 1}", "'b' is required.")]
    [InlineData("{\"a\": 1, \"b\": 2, \"c\": 3}", "Element 'Add/c': unknown element; expected a, b.")]
    [InlineData("{\"a\": {\"x\": 1}, \"b\": 2}", "Element 'Add/a': expected a JSON string, number or boolean, got an object.")]
    [InlineData("{\"a\": null, \"b\": 2}", "null is not allowed for 'a'.")]
    [InlineData("{\"a\": 2147483648, \"b\": 2}", "Element 'Add/a': '2147483648' is outside the range of xs:int.")]
    [InlineData("{\"a\": 1.5, \"b\": 2}", "Element 'Add/a': '1.5' is not a valid xs:int.")]
    [InlineData("[1, 2]", "expected a JSON object of arguments, got an array")]
    public async Task Add_BadArguments_400NamingTheProblem(string arguments, string expected)
    {
        var (status, body, _) = await CallAsync(true, "Add", arguments);

        Assert.Equal(400, status);
        Assert.Contains(expected, Fault(body).GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{\"a\": 1}", "'b' is required.")]
    [InlineData("{\"a\": null, \"b\": 2}", "null is not allowed for 'a'.")]
    [InlineData("{}", "'a' is required.")]
    public async Task Add_MissingOrNullArgument_SaidInJsonTerms_NotXmlSchemas(string arguments, string expected)
    {
        foreach (var byRoute in new[] { true, false })
        {
            var (status, body, _) = await CallAsync(byRoute, "Add", arguments);

            Assert.Equal(400, status);
            var message = Fault(body).GetProperty("message").GetString();
            Assert.Equal(expected, message);
            Assert.DoesNotContain("minOccurs", message);
            Assert.DoesNotContain("xsi:nil", message);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n")]
    public async Task Post_EmptyBodyWithoutOperation_400SaysTheBodyIsEmpty(string json)
    {
        var (status, body, _) = await PostJsonAsync(server.Client, "/json/calculator", json);

        Assert.Equal(400, status);
        var message = Fault(body).GetProperty("message").GetString();
        Assert.StartsWith("The request body is empty; expected a JSON object naming the operation, such as {\"", message);
        Assert.DoesNotContain("JSON tokens", message);
    }

    [Fact]
    public async Task GetOrder_LinesOutOfServiceRange_400WithServiceSubcode()
    {
        var (status, body, _) = await CallAsync(true, "GetOrder", "{\"id\": 1, \"lines\": -1}");

        Assert.Equal(400, status);
        Assert.Equal("InvalidLines", Fault(body).GetProperty("subcode").GetString());
    }

    [Theory]
    [InlineData("/json/calculator/Add", "{\"a\": 1,")]
    [InlineData("/json/calculator", "{\"Add\": {\"a\": 1, \"b\": 2}")]
    [InlineData("/json/calculator/Add", "<Add/>")]
    public async Task Post_MalformedJson_400ClientFault(string path, string json)
    {
        var (status, body, _) = await PostJsonAsync(server.Client, path, json);

        Assert.Equal(400, status);
        var fault = Fault(body);
        Assert.Equal("Client", fault.GetProperty("code").GetString());
        Assert.StartsWith("The request is not valid JSON:", fault.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_UnknownOperationInPath_404NamingIt()
    {
        var (status, body, _) = await PostJsonAsync(server.Client, "/json/calculator/Multiply", "{\"a\": 1}");

        Assert.Equal(404, status);
        Assert.Equal("Unknown operation 'Multiply'.", Fault(body).GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{\"Multiply\": {\"a\": 1}}", "Unknown operation 'Multiply'.")]
    [InlineData("{}", "expected one property naming the operation")]
    [InlineData("{\"Add\": {\"a\": 1, \"b\": 2}, \"Echo\": {}}", "Expected one property naming the operation")]
    [InlineData("42", "got a number")]
    public async Task Post_EnvelopeNotNamingOneKnownOperation_400NamingIt(string json, string expected)
    {
        var (status, body, _) = await PostJsonAsync(server.Client, "/json/calculator", json);

        Assert.Equal(400, status);
        Assert.Contains(expected, Fault(body).GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/xml")]
    [InlineData(null)]
    public async Task Post_WrongContentType_415(string? contentType)
    {
        var (status, body, _) = await PostJsonAsync(server.Client, "/json/calculator/Add", "{\"a\": 1, \"b\": 2}", contentType);

        Assert.Equal(415, status);
        Assert.Contains("application/json", Fault(body).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_JsonWithCharset_Accepted()
    {
        var (status, body, _) = await PostJsonAsync(server.Client, "/json/calculator/Add", "{\"a\": 1, \"b\": 2}", "application/json; charset=utf-8");

        Assert.Equal(200, status);
        Assert.Equal(3, body.GetProperty("AddResult").GetInt32());
    }

    [Fact]
    public async Task Get_OnJsonEndpoint_405()
    {
        var response = await server.Client.GetAsync("/json/calculator/Add");

        Assert.Equal(405, (int)response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task Post_BodyOverMaxRequestBytes_413()
    {
        var text = new string('x', 4 * 1024 * 1024 + 10);

        var (status, body, _) = await CallAsync(true, "Echo", JsonSerializer.Serialize(new { text }));

        Assert.Equal(413, status);
        Assert.Contains("larger than the limit", Fault(body).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_NestedDeeperThanMaxDepth_400()
    {
        var nested = new string('[', 100) + new string(']', 100);

        var (status, body, _) = await CallAsync(true, "Echo", $"{{\"text\": {nested}}}");

        Assert.Equal(400, status);
        Assert.Contains("depth", Fault(body).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_NestedWithinMaxDepth_NotRejectedForDepth()
    {
        var nested = new string('[', 10) + new string(']', 10);

        var (status, body, _) = await CallAsync(true, "Echo", $"{{\"text\": {nested}}}");

        Assert.Equal(400, status);
        Assert.DoesNotContain("depth", Fault(body).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Post_CamelCaseAndAnyOrder_Accepted()
    {
        var (status, body, _) = await CallAsync(true, "Add", "{\"B\": 2, \"A\": 40}");

        Assert.Equal(200, status);
        Assert.Equal(42, body.GetProperty("AddResult").GetInt32());
    }
}
