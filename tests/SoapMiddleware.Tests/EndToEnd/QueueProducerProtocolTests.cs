using System.Text;
using System.Text.Json;
using SampleApp.Services;
using SoapMiddleware.Queue;
using static SoapMiddleware.Tests.Infrastructure.JsonRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// Typed calls enqueued in code are stored in the protocol the producer names (<see cref="EnqueueOptions.Protocol"/>,
/// <see cref="RpcQueueOptions.Protocol"/>), run by a worker through the same pipeline, and answered in that protocol.
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed class QueueProducerProtocolTests(SampleAppServer server)
{
    private IRpcQueue Queue => server.Services.GetRequiredService<IRpcQueue>();

    [Fact]
    public async Task EnqueueTypedCall_JsonProtocol_StoredAsJsonAndResultIsJson()
    {
        var handle = await Queue.EnqueueAsync<CalculatorService>(s => s.GetOrder(3, 2), new EnqueueOptions { Protocol = "json" });

        var task = await FinishedAsync(handle);

        Assert.Equal("application/json; charset=utf-8", task.ContentType);
        Assert.Equal("{\"GetOrder\":{\"id\":3,\"lines\":2}}", Encoding.UTF8.GetString(task.Payload!));
        Assert.Equal(QueuedTaskState.Succeeded, task.State);
        Assert.StartsWith("application/json", task.ResultContentType);
        var result = JsonDocument.Parse(task.Result!).RootElement;
        JsonCallTests.AssertOrder(result.GetProperty("GetOrderResult"), 3, 2);
    }

    [Fact]
    public async Task EnqueueTypedCall_JsonDivideByZero_FailedWithJsonFault()
    {
        var handle = await Queue.EnqueueAsync<CalculatorService>(s => s.Divide(7, 0), new EnqueueOptions { Protocol = "json" });

        var task = await FinishedAsync(handle);

        Assert.Equal(QueuedTaskState.Failed, task.State);
        var fault = Fault(JsonDocument.Parse(task.Fault!).RootElement);
        Assert.Equal("DivideByZero", fault.GetProperty("subcode").GetString());
        Assert.Equal(7, fault.GetProperty("detail").GetProperty("Dividend").GetInt32());
    }

    [Fact]
    public async Task EnqueueTypedCall_Soap12Protocol_StoredAndAnsweredInSoap12()
    {
        var handle = await Queue.EnqueueAsync<CalculatorService>(s => s.Add(40, 2), new EnqueueOptions { Protocol = "soap12" });

        var task = await FinishedAsync(handle);

        Assert.Equal("application/soap+xml; charset=utf-8", task.ContentType);
        Assert.Equal(SoapRequests.Soap12, XDocument.Parse(Encoding.UTF8.GetString(task.Payload!)).Root!.Name.Namespace);
        Assert.Equal(QueuedTaskState.Succeeded, task.State);
        Assert.StartsWith("application/soap+xml", task.ResultContentType);
        var response = XDocument.Parse(Encoding.UTF8.GetString(task.Result!));
        Assert.Equal(SoapRequests.Soap12, response.Root!.Name.Namespace);
        Assert.Equal("42", response.Descendants(XName.Get("AddResult", SoapRequests.Tns)).Single().Value);
    }

    [Theory]
    [InlineData("nope", "Unknown protocol 'nope'")]
    [InlineData("httprpc", "cannot write requests")]
    public async Task EnqueueTypedCall_ProtocolThatCannotWrite_ThrowsBeforeStoring(string protocol, string message)
    {
        var before = (await server.Services.GetRequiredService<IRpcQueueMonitor>().GetStatsAsync()).ByState.Values.Sum();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Queue.EnqueueAsync<CalculatorService>(s => s.Add(1, 2), new EnqueueOptions { Protocol = protocol }));

        Assert.Contains(message, error.Message);
        Assert.Equal(before, (await server.Services.GetRequiredService<IRpcQueueMonitor>().GetStatsAsync()).ByState.Values.Sum());
    }

    [Fact]
    public async Task SerializeRequest_Json_IsWhatTheJsonEndpointReads()
    {
        // Characters JSON must escape, and ones the relaxed writer leaves alone, survive the round trip.
        const string text = "quote \" backslash \\ <tag> & ü \u0001 end";
        var application = server.Services.GetRequiredService<RpcApplication>();

        var (payload, contentType, action) = application.SerializeRequest(application.FindOperation("Echo")!, [text], "json");
        var (status, body, _) = await PostJsonAsync(server.Client, "/json/calculator", Encoding.UTF8.GetString(payload), contentType);

        Assert.Equal("application/json; charset=utf-8", contentType);
        Assert.Equal(application.FindOperation("Echo")!.Action, action);
        Assert.Equal(200, status);
        Assert.Equal(text, body.GetProperty("EchoResult").GetString());
    }

    [Fact]
    public async Task QueueProtocolOption_Json_TypedCallsStoredAndAnsweredInJson()
    {
        var json = new SampleAppServer(["--Queue:Protocol", "json"]);
        QueuedTaskInfo task;
        try
        {
            await json.InitializeAsync();
            var queue = json.Services.GetRequiredService<IRpcQueue>();

            var handle = await queue.EnqueueAsync<CalculatorService>(s => s.Add(20, 22));
            task = await WaitAsync(queue, handle);
        }
        finally
        {
            await json.DisposeAsync();
        }

        Assert.StartsWith("application/json", task.ContentType);
        Assert.Equal(QueuedTaskState.Succeeded, task.State);
        Assert.Equal(42, JsonDocument.Parse(task.Result!).RootElement.GetProperty("AddResult").GetInt32());
    }

    private Task<QueuedTaskInfo> FinishedAsync(string handle) => WaitAsync(Queue, handle);

    private static Task<QueuedTaskInfo> WaitAsync(IRpcQueue queue, string handle)
        => Wait.ForTaskAsync(queue, handle, task => task.State is QueuedTaskState.Succeeded or QueuedTaskState.Failed, "finished");
}
