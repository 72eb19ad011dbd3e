using System.Text.Json;
using static SoapMiddleware.Tests.Infrastructure.JsonRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>The sample app's OpenAPI document: every operation, the model's schemas, and real responses that match them.</summary>
[Collection(SampleAppCollection.Name)]
public sealed class OpenApiTests(SampleAppServer server)
{
    private static readonly string[] Operations = ["Add", "Divide", "Echo", "EchoBytes", "GetOrder", "Sleep"];

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await server.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static JsonElement Schema(JsonElement document, string name) => document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static JsonElement ResponseSchema(JsonElement document, string path, string method, string status)
    {
        var response = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status);
        if (response.TryGetProperty("$ref", out var reference))
        {
            response = OpenApiValidator.Resolve(document, reference.GetString()!);
        }

        return response.GetProperty("content").GetProperty("application/json").GetProperty("schema");
    }

    [Fact]
    public async Task Document_IsOpenApi3WithEveryOperationPath()
    {
        var document = await DocumentAsync();

        Assert.StartsWith("3.0.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/json/calculator", out var envelope));
        Assert.True(envelope.TryGetProperty("post", out _));
        foreach (var operation in Operations)
        {
            var post = paths.GetProperty("/json/calculator/" + operation).GetProperty("post");
            Assert.Equal($"#/components/schemas/{operation}Request",
                post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
            Assert.True(post.GetProperty("responses").TryGetProperty("200", out _));
            Assert.True(post.GetProperty("responses").TryGetProperty("400", out _));
            Assert.True(post.GetProperty("responses").TryGetProperty("500", out _));
            var get = paths.GetProperty("/rpc/calculator/" + operation).GetProperty("get");
            var parameters = get.GetProperty("parameters").EnumerateArray().ToList();
            Assert.All(parameters, p => Assert.Equal("query", p.GetProperty("in").GetString()));
        }

        var operationIds = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).Select(m => m.Value.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(operationIds.Count, operationIds.Distinct().Count());
    }

    [Fact]
    public async Task Document_MessagePackEndpoints_TheirMediaTypesOnly_SoapEndpointsLeftToTheWsdl()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        var add = paths.GetProperty("/msgpack/calculator/Add").GetProperty("post");
        Assert.Equal(["application/msgpack", "application/x-msgpack"], add.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["application/msgpack"], add.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(p => p.Name));
        Assert.Equal("#/components/schemas/AddResponse",
            add.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/msgpack").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(paths.GetProperty("/msgpack/calculator").TryGetProperty("post", out _));
        Assert.Equal(["application/json"], paths.GetProperty("/json/calculator/Add").GetProperty("post").GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/soap", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Document_HttpRpcParametersAreTypedAndRequired()
    {
        var document = await DocumentAsync();

        var parameters = document.GetProperty("paths").GetProperty("/rpc/calculator/Add").GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();

        Assert.Equal(["a", "b"], parameters.Select(p => p.GetProperty("name").GetString()));
        Assert.All(parameters, p =>
        {
            Assert.True(p.GetProperty("required").GetBoolean());
            Assert.Equal("integer", p.GetProperty("schema").GetProperty("type").GetString());
            Assert.Equal("int32", p.GetProperty("schema").GetProperty("format").GetString());
        });
    }

    [Fact]
    public async Task Document_OrderAndOrderLineSchemasHaveCorrectTypes()
    {
        var document = await DocumentAsync();

        var order = Schema(document, "Order");
        Assert.Equal("object", order.GetProperty("type").GetString());
        Assert.Equal(["Id", "Customer", "CreatedAt", "Lines"], order.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var properties = order.GetProperty("properties");
        Assert.Equal("integer", properties.GetProperty("Id").GetProperty("type").GetString());
        Assert.Equal("string", properties.GetProperty("Customer").GetProperty("type").GetString());
        Assert.Equal("date-time", properties.GetProperty("CreatedAt").GetProperty("format").GetString());
        var lines = OpenApiValidator.Resolve(document, properties.GetProperty("Lines").GetProperty("$ref").GetString()!);
        Assert.Equal("array", lines.GetProperty("type").GetString());

        var line = Schema(document, "OrderLine").GetProperty("properties");
        Assert.Equal("string", line.GetProperty("Sku").GetProperty("type").GetString());
        Assert.Equal("integer", line.GetProperty("Quantity").GetProperty("type").GetString());
        Assert.Equal("int32", line.GetProperty("Quantity").GetProperty("format").GetString());
        Assert.Equal("number", line.GetProperty("Price").GetProperty("type").GetString());
        Assert.Equal("object", Schema(document, "DivisionFault").GetProperty("type").GetString());
        Assert.Equal("object", Schema(document, "Fault").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50)]
    public async Task GetOrderResponses_ValidateAgainstDocumentedSchema(int lines)
    {
        var document = await DocumentAsync();
        var (_, byRoute, _) = await PostJsonAsync(server.Client, "/json/calculator/GetOrder", $"{{\"id\": 4, \"lines\": {lines}}}");
        var (_, byEnvelope, _) = await PostJsonAsync(server.Client, "/json/calculator", $"{{\"GetOrder\": {{\"id\": 4, \"lines\": {lines}}}}}");
        var (_, byQuery, _) = await GetJsonAsync(server.Client, $"/rpc/calculator/GetOrder?id=4&lines={lines}");

        Assert.Empty(OpenApiValidator.Validate(document, ResponseSchema(document, "/json/calculator/GetOrder", "post", "200"), byRoute));
        Assert.Empty(OpenApiValidator.Validate(document, ResponseSchema(document, "/json/calculator", "post", "200"), byEnvelope));
        Assert.Empty(OpenApiValidator.Validate(document, ResponseSchema(document, "/rpc/calculator/GetOrder", "get", "200"), byQuery));
    }

    [Theory]
    [InlineData("Add", "{\"a\": 1, \"b\": 2}")]
    [InlineData("Divide", "{\"a\": 7, \"b\": 2}")]
    [InlineData("Echo", "{\"text\": \"hi\"}")]
    [InlineData("Sleep", "{\"seconds\": 0}")]
    public async Task OtherResponses_ValidateAgainstDocumentedSchema(string operation, string arguments)
    {
        var document = await DocumentAsync();

        var (status, body, _) = await PostJsonAsync(server.Client, "/json/calculator/" + operation, arguments);

        Assert.Equal(200, status);
        Assert.Empty(OpenApiValidator.Validate(document, ResponseSchema(document, "/json/calculator/" + operation, "post", "200"), body));
    }

    [Fact]
    public async Task FaultResponse_ValidatesAgainstFaultSchema()
    {
        var document = await DocumentAsync();

        var (status, body, _) = await PostJsonAsync(server.Client, "/json/calculator/Divide", "{\"a\": 1, \"b\": 0}");

        Assert.Equal(400, status);
        Assert.Empty(OpenApiValidator.Validate(document, ResponseSchema(document, "/json/calculator/Divide", "post", "400"), body));
    }

    [Fact]
    public async Task Validator_RejectsResponsesThatBreakTheSchema()
    {
        var document = await DocumentAsync();
        var schema = ResponseSchema(document, "/json/calculator/GetOrder", "post", "200");

        static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

        Assert.NotEmpty(OpenApiValidator.Validate(document, schema, Parse("""{"GetOrderResult": {"Id": 1, "CreatedAt": "2024-01-01T00:00:00Z", "Lines": []}}""")));
        Assert.NotEmpty(OpenApiValidator.Validate(document, schema, Parse("""{"GetOrderResult": {"Id": "1", "Customer": "c", "CreatedAt": "2024-01-01T00:00:00Z", "Lines": []}}""")));
        Assert.NotEmpty(OpenApiValidator.Validate(document, schema, Parse("""{"GetOrderResult": {"Id": 1, "Customer": "c", "CreatedAt": "2024-01-01T00:00:00Z", "Lines": [{"Sku": "s", "Quantity": 1.5, "Price": 1}]}}""")));
        Assert.NotEmpty(OpenApiValidator.Validate(document, schema, Parse("""{"GetOrderResult": {"Id": 1, "Customer": "c", "CreatedAt": "2024-01-01T00:00:00Z", "Lines": null}}""")));
    }

    [Fact]
    public async Task Document_CachedAcrossRequests()
    {
        var first = await server.Client.GetByteArrayAsync("/openapi/v1.json");
        var second = await server.Client.GetByteArrayAsync("/openapi/v1.json");

        Assert.Equal(first, second);
    }
}
