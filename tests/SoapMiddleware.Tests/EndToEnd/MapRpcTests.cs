using Microsoft.AspNetCore.Builder;
using SoapMiddleware.Tests.Wrappers;
using static SoapMiddleware.Tests.Infrastructure.SoapRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>Endpoint routing: one service per endpoint, and startup errors that name the problem.</summary>
public sealed class MapRpcTests
{
    [RpcService]
    public sealed class DuplicateService
    {
        [RpcMethod]
        public int Add(int a, int b) => a + b;

        [RpcMethod(Name = "Add")]
        public int Plus(int a, int b) => a + b;
    }

    [Fact]
    public async Task MapRpcOfT_ServesThatServiceWithItsOwnWsdl()
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddSingleton(new Journal());
        builder.Services.AddRpc(o => o.Namespace = Tns).AddService<WrappedService>();
        var app = builder.Build();
        app.MapRpc<WrappedService>("/svc");
        await using var host = await KestrelApp.StartAsync(app);
        var client = host.Client;

        var (status, document, _) = await SendAsync(client, Soap11Request(new Uri(client.BaseAddress!, "/svc"), Envelope11("<t:Add><t:a>2</t:a><t:b>2</t:b></t:Add>")));
        var wsdl = await client.GetStringAsync("/svc?wsdl");

        Assert.Equal(200, status);
        Assert.Equal("4", BodyContent(document).Value);
        Assert.Contains("name=\"WrappedService\"", wsdl);
    }

    [Fact]
    public async Task MapRpcOpenApiOfT_ListsThatServicesJsonEndpointOnly()
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddSingleton(new Journal());
        builder.Services.AddRpc(o => o.Namespace = Tns).AddService<WrappedService>();
        var app = builder.Build();
        app.MapRpc<WrappedService>("/svc/json/{operation}", p => p.In("json"));
        app.MapRpcOpenApi<WrappedService>("/svc/openapi.json");
        app.MapRpcJson("/all/json");
        app.MapRpcOpenApi("/openapi.json");
        await using var host = await KestrelApp.StartAsync(app);
        var client = host.Client;

        var single = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/svc/openapi.json")).RootElement;
        var all = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/openapi.json")).RootElement;

        var singlePaths = single.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/svc/json/Add", singlePaths);
        Assert.All(singlePaths, p => Assert.StartsWith("/svc/json/", p));
        Assert.DoesNotContain(singlePaths, p => p.StartsWith("/all/", StringComparison.Ordinal));
        Assert.Equal("WrappedService", single.GetProperty("info").GetProperty("title").GetString());
        var allPaths = all.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/all/json/Add", allPaths);
        Assert.DoesNotContain(allPaths, p => p.StartsWith("/svc/", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateOperationNames_StartupErrorNamesOperation()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddRpc().AddService<DuplicateService>();
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.UseRpc("/dup"));

        Assert.Contains("'Add' twice", error.Message);
    }

    [Fact]
    public void MapRpcOfUnregisteredService_StartupErrorSaysHowToRegister()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddRpc();
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapRpc<DuplicateService>("/x"));

        Assert.Contains("AddService<DuplicateService>", error.Message);
    }
}
