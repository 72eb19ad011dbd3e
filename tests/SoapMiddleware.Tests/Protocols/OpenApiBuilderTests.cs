using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace SoapMiddleware.Tests.Protocols;

/// <summary>A service with DataAnnotations, for the OpenAPI keywords.</summary>
[RpcService]
public sealed class AnnotatedService
{
    [RpcMethod]
    public Model.Order Place(Model.Order order, Model.Customer customer) => order;

    [RpcMethod]
    public int Count([Range(1, 10)] int n, [RegularExpression("[a-z]+")] string code, [StringLength(5, MinimumLength = 2)] string? tag,
        [MinLength(1), MaxLength(3)] int[]? items, Model.Color color = Model.Color.Blue, [Range(0.5, 9.5)] double ratio = 1) => n;
}

/// <summary>The OpenAPI document of a custom app: its own prefixes, DataAnnotations as JSON-schema keywords.</summary>
public sealed class OpenApiBuilderTests
{
    private static async Task<JsonElement> DocumentAsync()
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddRpc(o => o.Namespace = SoapRequests.Tns).AddService<AnnotatedService>();
        var app = builder.Build();
        app.MapRpcOpenApi("/docs/openapi.json");
        app.MapRpcJson("/api/json");
        app.MapRpcHttp("/api/rpc/");
        await using var host = await KestrelApp.StartAsync(app);
        var text = await host.Client.GetStringAsync("/docs/openapi.json");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Paths_UseTheMappedPrefixes_ComplexArgumentsHaveNoQueryPath()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        Assert.Equal(["/api/json", "/api/json/Count", "/api/json/Place", "/api/rpc/Count"], paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Parameters_CarryDataAnnotationsAsKeywords()
    {
        var document = await DocumentAsync();
        var request = document.GetProperty("components").GetProperty("schemas").GetProperty("CountRequest");
        var properties = request.GetProperty("properties");

        Assert.Equal(["n", "code"], request.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(1, properties.GetProperty("n").GetProperty("minimum").GetInt32());
        Assert.Equal(10, properties.GetProperty("n").GetProperty("maximum").GetInt32());
        Assert.Equal("^(?:[a-z]+)$", properties.GetProperty("code").GetProperty("pattern").GetString());
        Assert.Equal(2, properties.GetProperty("tag").GetProperty("minLength").GetInt32());
        Assert.Equal(5, properties.GetProperty("tag").GetProperty("maxLength").GetInt32());
        Assert.True(properties.GetProperty("tag").GetProperty("nullable").GetBoolean());
        Assert.Equal(1, properties.GetProperty("items").GetProperty("minItems").GetInt32());
        Assert.Equal(3, properties.GetProperty("items").GetProperty("maxItems").GetInt32());
        Assert.Equal(0.5, properties.GetProperty("ratio").GetProperty("minimum").GetDouble());
        Assert.Equal("double", properties.GetProperty("ratio").GetProperty("format").GetString());
        Assert.Equal("#/components/schemas/Color", properties.GetProperty("color").GetProperty("$ref").GetString());
        var query = document.GetProperty("paths").GetProperty("/api/rpc/Count").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(10, query["n"].GetProperty("schema").GetProperty("maximum").GetInt32());
        Assert.False(query["tag"].GetProperty("required").GetBoolean());
    }

    [Fact]
    public async Task ComplexTypes_RequiredListsNullableMembersEnumsAndMemberRules()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");

        var order = schemas.GetProperty("Order");
        var required = order.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("Customer", required);
        Assert.DoesNotContain("Note", required);
        var customer = order.GetProperty("properties").GetProperty("Customer");
        Assert.Equal(2, customer.GetProperty("minLength").GetInt32());
        Assert.Equal(20, customer.GetProperty("maxLength").GetInt32());
        Assert.True(order.GetProperty("properties").GetProperty("Note").GetProperty("nullable").GetBoolean());
        Assert.Equal("date-time", order.GetProperty("properties").GetProperty("ShippedAt").GetProperty("format").GetString());
        Assert.Equal("string", schemas.GetProperty("Color").GetProperty("type").GetString());
        Assert.NotEmpty(schemas.GetProperty("Color").GetProperty("enum").EnumerateArray());
        Assert.Equal(100, schemas.GetProperty("OrderLine").GetProperty("properties").GetProperty("Quantity").GetProperty("maximum").GetInt32());
        Assert.Equal("^(?:[A-Z]{3}-\\d{4})$", schemas.GetProperty("Customer").GetProperty("properties").GetProperty("Code").GetProperty("pattern").GetString());
    }
}
