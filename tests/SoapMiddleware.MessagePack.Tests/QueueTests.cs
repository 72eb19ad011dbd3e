using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.MessagePack.Tests.Infrastructure;
using SoapMiddleware.MessagePack.Tests.Wire;
using SoapMiddleware.Queue;
using static SoapMiddleware.MessagePack.Tests.Infrastructure.MsgPack;

namespace SoapMiddleware.MessagePack.Tests;

/// <summary>
/// Queued MessagePack calls: the enqueue endpoint takes an <c>application/msgpack</c> body because the protocol is
/// registered, a worker runs it through the same pipeline, and the stored result is the MessagePack response.
/// </summary>
[Collection(ToolServerCollection.Name)]
public sealed class QueueTests(ToolServer server)
{
    [Fact]
    public async Task PostMessagePack_202ThenPoll_StoredResultIsTheMessagePackResponse()
    {
        var (status, accepted, location) = await EnqueueAsync(Pack(new { GetOrder = new { id = 3, lines = 2 } }), MediaType);

        Assert.Equal(202, status);
        Assert.Equal("GetOrder", accepted.GetProperty("operation").GetString());
        var view = await server.PollUntilFinishedAsync(location);
        Assert.Equal("Succeeded", view.GetProperty("state").GetString());
        Assert.Equal("application/msgpack", view.GetProperty("resultContentType").GetString());

        var task = await StoredAsync(accepted.GetProperty("id").GetString()!);
        Assert.Equal("application/msgpack", task.ResultContentType);
        var order = Unpack<Dictionary<string, WireOrder>>(task.Result!)["GetOrderResult"];
        MessagePackCallTests.AssertOrder(order, 3, 2);

        // The task view is JSON text: binary results travel as base64, not as UTF-8-garbled bytes.
        var shown = view.GetProperty("result").GetString()!;
        Assert.StartsWith("base64:", shown);
        Assert.Equal(task.Result, Convert.FromBase64String(shown["base64:".Length..]));
    }

    [Fact]
    public async Task PostLegacyContentType_ResultInKind()
    {
        var (status, accepted, location) = await EnqueueAsync(Pack(new { Add = new { a = 2, b = 3 } }), "application/x-msgpack");

        Assert.Equal(202, status);
        Assert.Equal("Succeeded", (await server.PollUntilFinishedAsync(location)).GetProperty("state").GetString());
        var task = await StoredAsync(accepted.GetProperty("id").GetString()!);
        Assert.Equal("application/x-msgpack", task.ResultContentType);
        Assert.Equal(5, Unpack<Dictionary<string, int>>(task.Result!)["AddResult"]);
    }

    [Fact]
    public async Task DivideByZero_FailedWithTheMessagePackFaultStored()
    {
        var (_, accepted, location) = await EnqueueAsync(Pack(new { Divide = new { a = 1, b = 0 } }), MediaType);

        var view = await server.PollUntilFinishedAsync(location);

        Assert.Equal("Failed", view.GetProperty("state").GetString());
        var task = await StoredAsync(accepted.GetProperty("id").GetString()!);
        var fault = Unpack<WireFaultEnvelope>(task.Fault!).Fault!;
        Assert.Equal("Client", fault.Code);
        Assert.Equal("Division by zero.", fault.Message);
        Assert.Equal("DivideByZero", fault.Subcode);
    }

    [Fact]
    public async Task NotMessagePack_RefusedAtOnceWithTheEndpointsFault()
    {
        var response = await PostAsync(server.Client, "/queue", "not msgpack"u8.ToArray());

        Assert.StartsWith("The request is not valid MessagePack", response.Fault(400).Message);
    }

    [Fact]
    public async Task UnknownOperation_RefusedAtOnce()
    {
        var response = await CallAsync(server.Client, "/queue", new { Nope = new { } });

        Assert.Equal("Unknown operation 'Nope'.", response.Fault(400).Message);
    }

    [Fact]
    public async Task RequestWrittenBySerializeRequest_EnqueuedFromCode_Runs()
    {
        // What a producer in code stores: the request as a MessagePack client would send it.
        var application = server.Application;
        var (payload, contentType, action) = application.SerializeRequest(application.FindOperation("Add")!, [20, 22], "msgpack");
        Assert.Equal("application/msgpack", contentType);
        Assert.Equal(Pack(new { Add = new { a = 20, b = 22 } }), payload);

        var queue = server.Services.GetRequiredService<IRpcQueue>();
        var handle = await queue.EnqueueRequestAsync(payload, contentType, action);

        var view = await server.PollUntilFinishedAsync(new Uri($"/queue/tasks/{handle}", UriKind.Relative));
        Assert.Equal("Succeeded", view.GetProperty("state").GetString());
        Assert.Equal(42, Unpack<Dictionary<string, int>>((await StoredAsync(handle)).Result!)["AddResult"]);
    }

    [Fact]
    public async Task SerializeRequest_ComplexAndBinaryArguments_RoundTrip()
    {
        var application = server.Application;
        var (payload, _, _) = application.SerializeRequest(application.FindOperation("Reverse")!, [new byte[] { 1, 2, 3 }], "msgpack");

        var response = await PostAsync(server.Client, "/msgpack/tools", payload);

        Assert.Equal(new byte[] { 3, 2, 1 }, response.Result<byte[]>("Reverse"));
    }

    private async Task<(int Status, JsonElement Body, Uri Location)> EnqueueAsync(byte[] body, string contentType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await server.Client.PostAsync("/queue", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Headers.Location is not null, $"{(int)response.StatusCode}: {text}");
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Headers.Location!);
    }

    private async Task<QueuedTaskInfo> StoredAsync(string handle)
        => (await server.Services.GetRequiredService<IRpcQueue>().GetAsync(handle))!;
}
