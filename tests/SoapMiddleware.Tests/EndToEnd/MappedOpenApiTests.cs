using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using SampleApp.Services;
using static SoapMiddleware.Tests.Infrastructure.JsonRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// The OpenAPI document lists what is mapped and nothing else: paths by how each endpoint names the operation, methods
/// by its in protocols, media types by its in and out protocols; SOAP-only endpoints are left to the WSDL.
/// </summary>
public sealed class MappedOpenApiTests : IAsyncLifetime
{
    private static readonly string[] Operations = ["Add", "Divide", "Echo", "EchoBytes", "GetOrder", "Sleep"];
    private TestServer _server = null!;
    private JsonElement _document;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(
            rpc => rpc.AddService<CalculatorService>(),
            map: app =>
            {
                app.MapRpcOpenApi("/openapi.json");
                app.MapRpc("/body-only", p => p.In("json"));
                app.MapRpc("/mixed/{operation}", p => p.In("httprpc", "json").Out("json"));
                app.MapRpc("/xml-out/{operation}", p => p.In("httprpc").Out("soap11"));
                app.MapRpc("/soap-only", p => p.In("soap11", "soap12"));
                app.MapRpc("/soap-and-json", p => p.In("soap11", "json"));
            });
        _document = JsonDocument.Parse(await _server.Client.GetStringAsync("/openapi.json")).RootElement.Clone();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private JsonElement Paths => _document.GetProperty("paths");

    private static List<string> Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();

    [Fact]
    public void Paths_ExactlyTheMappedOnes()
    {
        var expected = new[] { "/body-only", "/soap-and-json" }
            .Concat(Operations.Select(o => "/mixed/" + o))
            .Concat(Operations.Select(o => "/xml-out/" + o));

        Assert.Equal(expected.Order(StringComparer.Ordinal), Keys(Paths).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BodyOnlyEndpoint_PostNamingTheOperation_NoPerOperationPaths()
    {
        var post = Paths.GetProperty("/body-only").GetProperty("post");

        Assert.Equal(["post"], Keys(Paths.GetProperty("/body-only")));
        var schema = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal(Operations, Keys(schema.GetProperty("properties")));
        Assert.DoesNotContain(Keys(Paths), p => p.StartsWith("/body-only/", StringComparison.Ordinal));
    }

    [Fact]
    public void HttpRpcAndJsonAtOnePath_GetWithQueryAndPostWithBody()
    {
        var item = Paths.GetProperty("/mixed/Add");

        Assert.Equal(["get", "post"], Keys(item).Order());
        Assert.Equal(["a", "b"], item.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(["application/json"], Keys(item.GetProperty("post").GetProperty("requestBody").GetProperty("content")));
        Assert.Equal(["application/json"], Keys(item.GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content")));
    }

    [Fact]
    public void SoapOut_ResponsesAreXmlStrings()
    {
        var responses = Paths.GetProperty("/xml-out/Add").GetProperty("get").GetProperty("responses");

        foreach (var status in new[] { "200", "400", "404", "500" })
        {
            var content = responses.GetProperty(status).GetProperty("content");
            Assert.Equal(["text/xml"], Keys(content));
            Assert.Equal("string", content.GetProperty("text/xml").GetProperty("schema").GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task SoapOut_ServedResponseIsTheDocumentedMediaType()
    {
        var response = await _server.Client.GetAsync("/xml-out/Add?a=1&b=2");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("3", SoapRequests.BodyContent(XDocument.Parse(await response.Content.ReadAsStringAsync())).Value);
    }

    [Fact]
    public async Task DocumentedJsonResponse_ValidatesAgainstItsSchema()
    {
        var (status, body, _) = await PostJsonAsync(_server.Client, "/mixed/GetOrder", "{\"id\": 2, \"lines\": 3}");
        var schema = Paths.GetProperty("/mixed/GetOrder").GetProperty("post").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");

        Assert.Equal(200, status);
        Assert.Empty(OpenApiValidator.Validate(_document, schema, body));
    }

    [Fact]
    public async Task SoapAndJsonEndpoint_JsonCallsDocumentedAndAnsweredInJsonOnly()
    {
        var post = Paths.GetProperty("/soap-and-json").GetProperty("post");
        var (status, body, _) = await PostJsonAsync(_server.Client, "/soap-and-json", "{\"Add\": {\"a\": 2, \"b\": 5}}");

        Assert.Equal(["application/json"], Keys(post.GetProperty("requestBody").GetProperty("content")));
        Assert.Equal(["application/json"], Keys(post.GetProperty("responses").GetProperty("200").GetProperty("content")));
        Assert.Equal(200, status);
        Assert.Equal(7, body.GetProperty("AddResult").GetInt32());
    }

    [Fact]
    public void OperationIds_Unique()
    {
        var ids = Paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).Select(m => m.Value.GetProperty("operationId").GetString()).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
