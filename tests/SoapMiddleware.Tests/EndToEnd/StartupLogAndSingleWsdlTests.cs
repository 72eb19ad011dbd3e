using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Tests.Infrastructure;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// What a newcomer reads first: the startup lines that say what is served (one operation is "1 operation"; the OpenAPI
/// route is a document, not an application), and <c>?singleWsdl</c>, which WCF users type, answering the WSDL.
/// </summary>
public sealed class StartupLogAndSingleWsdlTests
{
    [Fact]
    public async Task StartupLog_OneOperationAndOpenApiRoute_PluralAndWordingRight()
    {
        var logs = new ListLoggerProvider();
        await using var server = await TestServer.StartAsync(
            rpc => rpc.AddService<OneOperationService>(),
            logging => logging.AddProvider(logs),
            map: app =>
            {
                app.MapRpcJson("/json");
                app.MapRpcOpenApi("/openapi/v1.json");
            });

        var lines = logs.Entries.Select(e => e.Message).ToArray();

        Assert.Contains(lines, l => l.StartsWith("Serving RPC application", StringComparison.Ordinal) && l.Contains("at /soap (1 operation)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("1 operations", StringComparison.Ordinal));
        var openApi = Assert.Single(lines, l => l.Contains("/openapi/v1.json", StringComparison.Ordinal));
        Assert.StartsWith("Serving the OpenAPI document of RPC application", openApi);
    }

    [Fact]
    public async Task SingleWsdl_AnyCase_SameDocumentAsWsdl()
    {
        await using var server = await TestServer.StartAsync(rpc => rpc.AddService<OneOperationService>());

        var wsdl = await server.Client.GetStringAsync("/soap?wsdl");
        using var single = await server.Client.GetAsync("/soap?singleWsdl");
        using var lower = await server.Client.GetAsync("/soap?singlewsdl");

        Assert.Equal(200, (int)single.StatusCode);
        Assert.Equal("text/xml", single.Content.Headers.ContentType?.MediaType);
        Assert.Equal(wsdl, await single.Content.ReadAsStringAsync());
        Assert.Equal(wsdl, await lower.Content.ReadAsStringAsync());
        Assert.Equal("definitions", XDocument.Parse(wsdl).Root!.Name.LocalName);
    }

    /// <summary>A service with exactly one operation.</summary>
    [RpcService]
    public sealed class OneOperationService
    {
        /// <summary>The one operation.</summary>
        [RpcMethod]
        public int Ping() => 1;
    }
}
