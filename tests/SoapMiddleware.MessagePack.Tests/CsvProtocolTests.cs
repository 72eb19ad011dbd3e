using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.MessagePack.Tests.Csv;
using SoapMiddleware.MessagePack.Tests.Infrastructure;
using SoapMiddleware.Queue;

namespace SoapMiddleware.MessagePack.Tests;

/// <summary>
/// A protocol written in this test project with public API only (<see cref="CsvProtocol"/>), registered with
/// <c>AddProtocol&lt;T&gt;()</c>: it serves HTTP calls and queued calls with no change to src.
/// </summary>
[Collection(ToolServerCollection.Name)]
public sealed class CsvProtocolTests(ToolServer server)
{
    [Theory]
    [InlineData("Add,1,2", "3")]
    [InlineData("Add,-5,3\n", "-2")]
    [InlineData("Echo,hello", "hello")]
    [InlineData("Divide,7,2", "3")]
    [InlineData("Half,3", "1.5")]
    [InlineData("Ping", "")]
    public async Task Call_200WithTheResult(string request, string result)
    {
        var (status, mediaType, body) = await PostAsync("/csv/tools", request);

        Assert.Equal(200, status);
        Assert.Equal("text/csv", mediaType);
        Assert.Equal(result, body);
    }

    [Theory]
    [InlineData("Divide,1,0", 400, "fault,Client,Division by zero.")]
    [InlineData("Nope,1", 400, "fault,Client,Unknown operation 'Nope'.")]
    [InlineData("Add,x,2", 400, "fault,Client,Argument 'a': 'x' is not a valid Int32.")]
    [InlineData("Add,1", 400, "fault,Client,'Add' takes 2 arguments (a, b), got 1.")]
    [InlineData("GetOrder,1,5000", 400, "fault,Client,lines must be between 0 and 1000, got 5000.")]
    [InlineData("Crash", 500, "fault,Server,Internal Error")]
    public async Task Fault_InTheProtocolsOwnFormat(string request, int status, string fault)
    {
        var response = await PostAsync("/csv/tools", request);

        Assert.Equal((status, "text/csv", fault), response);
    }

    [Fact]
    public void RegisteredProtocol_IsListedAndFoundByName()
    {
        var protocol = Assert.IsType<CsvProtocol>(server.Application.FindProtocol("csv"));

        Assert.Contains(protocol, server.Application.Protocols);
        Assert.Same(protocol, server.Application.SelectProtocol("text/csv; charset=utf-8"));
    }

    [Fact]
    public async Task Queued_OverTheEnqueueEndpoint_ResultStoredInCsv()
    {
        using var content = new StringContent("Add,2,3", Encoding.UTF8, "text/csv");
        using var response = await server.Client.PostAsync("/queue", content);

        Assert.Equal(202, (int)response.StatusCode);
        var view = await server.PollUntilFinishedAsync(response.Headers.Location!);
        Assert.Equal("Succeeded", view.GetProperty("state").GetString());
        Assert.Equal("5", view.GetProperty("result").GetString());
        Assert.StartsWith("text/csv", view.GetProperty("resultContentType").GetString());
    }

    [Fact]
    public async Task Queued_InvalidRequest_RefusedAtOnceInCsv()
    {
        using var content = new StringContent("Add,x,3", Encoding.UTF8, "text/csv");
        using var response = await server.Client.PostAsync("/queue", content);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("fault,Client,Argument 'a': 'x' is not a valid Int32.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Queued_FromCode_WithTheProtocolsRequestWriter()
    {
        var application = server.Application;
        var (payload, contentType, action) = application.SerializeRequest(application.FindOperation("Divide")!, [9, 3], "csv");
        Assert.Equal("Divide,9,3", Encoding.UTF8.GetString(payload));

        var handle = await server.Services.GetRequiredService<IRpcQueue>().EnqueueRequestAsync(payload, contentType, action);

        var view = await server.PollUntilFinishedAsync(new Uri($"/queue/tasks/{handle}", UriKind.Relative));
        Assert.Equal("Succeeded", view.GetProperty("state").GetString());
        Assert.Equal("3", view.GetProperty("result").GetString());
    }

    private async Task<(int Status, string? MediaType, string Body)> PostAsync(string path, string request)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(request));
        content.Headers.ContentType = new MediaTypeHeaderValue(CsvProtocol.MediaType);
        using var response = await server.Client.PostAsync(path, content);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }
}
