using Microsoft.AspNetCore.Builder;
using SoapMiddleware.Tests.Wrappers;
using static SoapMiddleware.Tests.Infrastructure.JsonRequests;

namespace SoapMiddleware.Tests.Protocols;

/// <summary>The JSON and HTTP RPC protocols run the same pipeline as SOAP: events, wrappers, Server faults.</summary>
public sealed class JsonProtocolTests
{
    private static readonly string[] AllEvents =
    [
        "http_call", "method_context_created", "before_deserialize", "after_deserialize", "method_call",
        "method_return_object", "method_exception_object", "before_serialize", "after_serialize",
        "method_return_document", "method_exception_document", "method_return_string", "method_exception_string",
        "http_return", "http_exception", "method_context_closed",
    ];

    private static async Task<(KestrelApp App, HttpClient Client)> StartAsync(Journal journal, bool includeExceptionDetails = false)
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddSingleton(journal);
        builder.Services.AddRpc(o =>
            {
                o.Namespace = SoapRequests.Tns;
                o.IncludeExceptionDetails = includeExceptionDetails;
            })
            .AddService<WrappedService>()
            .ConfigureEvents(events =>
            {
                foreach (var name in AllEvents)
                {
                    events.AddListener(name, context => journal.Add(name + ":" + context.InProtocol?.Name));
                }
            });
        var app = builder.Build();
        app.MapRpcJson("/json");
        app.MapRpcHttp("/rpc");
        var host = await KestrelApp.StartAsync(app);
        return (host, host.Client);
    }

    private static async Task<List<string>> EventsAsync(Journal journal, string protocol)
    {
        await journal.WaitForAsync("method_context_closed:" + protocol);
        return journal.Entries.Where(e => e.EndsWith(":" + protocol, StringComparison.Ordinal)).Select(e => e[..e.IndexOf(':')]).ToList();
    }

    [Theory]
    [InlineData("json")]
    [InlineData("httprpc")]
    public async Task Success_EveryEventOnceInOrderAndWrappersRun(string protocol)
    {
        var journal = new Journal();
        var (app, client) = await StartAsync(journal);
        await using var _ = app;

        var (status, body, _) = protocol == "json"
            ? await PostJsonAsync(client, "/json/Add", "{\"a\": 1, \"b\": 2}")
            : await GetJsonAsync(client, "/rpc/Add?a=1&b=2");

        Assert.Equal(200, status);
        Assert.Equal(3, body.GetProperty("AddResult").GetInt32());
        Assert.Equal(
            ["http_call", "method_context_created", "before_deserialize", "after_deserialize", "method_call", "method_return_object",
             "before_serialize", "after_serialize", "method_return_document", "method_return_string", "http_return", "method_context_closed"],
            await EventsAsync(journal, protocol));
        Assert.Contains("service hook in", journal.Entries);
        Assert.Contains("method 1+2", journal.Entries);
    }

    [Fact]
    public async Task BadInput_ExceptionEventsInOrder()
    {
        var journal = new Journal();
        var (app, client) = await StartAsync(journal);
        await using var _ = app;

        var (status, _, _) = await PostJsonAsync(client, "/json", "{\"Add\": {\"a\": \"abc\", \"b\": 2}}");

        Assert.Equal(400, status);
        Assert.Equal(
            ["http_call", "method_context_created", "before_deserialize", "method_exception_object", "before_serialize", "after_serialize",
             "method_exception_document", "method_exception_string", "http_exception", "method_context_closed"],
            await EventsAsync(journal, "json"));
        Assert.DoesNotContain("method 1+2", journal.Entries);
    }

    [Fact]
    public async Task MethodThrows_500InternalErrorWithoutDetails()
    {
        var journal = new Journal();
        var (app, client) = await StartAsync(journal);
        await using var _ = app;

        var (status, body, _) = await PostJsonAsync(client, "/json/Fail", "{\"kind\": \"crash\"}");

        Assert.Equal(500, status);
        var fault = Fault(body);
        Assert.Equal("Server", fault.GetProperty("code").GetString());
        Assert.Equal("Internal Error", fault.GetProperty("message").GetString());
        Assert.False(fault.TryGetProperty("detail", out var _));
        Assert.DoesNotContain("boom", body.GetRawText());
        Assert.Contains("method_exception_object", await EventsAsync(journal, "json"));
    }

    [Fact]
    public async Task MethodThrows_IncludeExceptionDetails_DetailHasTypeAndMessage()
    {
        var journal = new Journal();
        var (app, client) = await StartAsync(journal, includeExceptionDetails: true);
        await using var _ = app;

        var (status, body, _) = await GetJsonAsync(client, "/rpc/Fail?kind=crash");

        Assert.Equal(500, status);
        var detail = Fault(body).GetProperty("detail");
        Assert.Equal(typeof(InvalidOperationException).FullName, detail.GetProperty("type").GetString());
        Assert.Equal("boom", detail.GetProperty("message").GetString());
        Assert.Contains("WrappedService", detail.GetProperty("stackTrace").GetString());
    }

    [Fact]
    public async Task MethodThrowsClientFault_400()
    {
        var journal = new Journal();
        var (app, client) = await StartAsync(journal);
        await using var _ = app;

        var (status, body, _) = await PostJsonAsync(client, "/json/Fail", "{\"kind\": \"fault\"}");

        Assert.Equal(400, status);
        Assert.Equal("bad input from method", Fault(body).GetProperty("message").GetString());
    }
}
