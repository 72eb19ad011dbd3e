using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static SoapMiddleware.Tests.Infrastructure.JsonRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>The queue's HTTP endpoint also takes the JSON body that names the operation; the worker stores a JSON result.</summary>
[Collection(SampleAppCollection.Name)]
public sealed class QueueJsonTests(SampleAppServer server)
{
    [Fact]
    public async Task PostJson_202ThenPoll_JsonResult()
    {
        var (status, body, response) = await PostJsonAsync(server.Client, "/queue/calculator", "{\"GetOrder\": {\"id\": 3, \"lines\": 2}}");

        Assert.Equal(202, status);
        Assert.Equal("GetOrder", body.GetProperty("operation").GetString());
        var task = await server.PollUntilFinishedAsync(response.Headers.Location!);
        Assert.Equal("Succeeded", task.GetProperty("state").GetString());
        Assert.StartsWith("application/json", task.GetProperty("resultContentType").GetString());
        var result = JsonDocument.Parse(task.GetProperty("result").GetString()!).RootElement;
        JsonCallTests.AssertOrder(result.GetProperty("GetOrderResult"), 3, 2);
    }

    [Fact]
    public async Task PostJsonDivideByZero_FailedWithJsonFault()
    {
        var (_, _, response) = await PostJsonAsync(server.Client, "/queue/calculator", "{\"Divide\": {\"a\": 1, \"b\": 0}}");

        var task = await server.PollUntilFinishedAsync(response.Headers.Location!);

        Assert.Equal("Failed", task.GetProperty("state").GetString());
        var fault = Fault(JsonDocument.Parse(task.GetProperty("fault").GetString()!).RootElement);
        Assert.Equal("DivideByZero", fault.GetProperty("subcode").GetString());
    }

    [Fact]
    public async Task PostJsonInvalidArgument_RefusedAtOnceWithJsonFault()
    {
        var response = await server.Client.PostAsync("/queue/calculator", new StringContent("{\"Add\": {\"a\": \"x\", \"b\": 1}}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fault = Fault(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
        Assert.Equal("Element 'Add/a': 'x' is not a valid xs:int.", fault.GetProperty("message").GetString());
    }
}
