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
    public async Task PostJsonDivideByZero_ResponseEndpoint_400JsonFaultAsSynchronousJson()
    {
        var (_, accepted, response) = await PostJsonAsync(server.Client, "/queue/calculator", "{\"Divide\": {\"a\": 1, \"b\": 0}}");
        await server.PollUntilFinishedAsync(response.Headers.Location!);

        var stored = await server.Client.GetAsync(response.Headers.Location + "/response");

        // The synchronous JSON endpoint answers this Client fault 400; so does the queued call's stored response.
        Assert.Equal(HttpStatusCode.BadRequest, stored.StatusCode);
        Assert.Equal("application/json", stored.Content.Headers.ContentType?.MediaType);
        var fault = Fault(JsonDocument.Parse(await stored.Content.ReadAsStringAsync()).RootElement);
        Assert.Equal("DivideByZero", fault.GetProperty("subcode").GetString());
        Assert.Equal("Divide", accepted.GetProperty("operation").GetString());
    }

    [Fact]
    public async Task PostJsonAdd_ResponseEndpoint_200JsonResult()
    {
        var (_, _, response) = await PostJsonAsync(server.Client, "/queue/calculator", "{\"Add\": {\"a\": 40, \"b\": 2}}");
        await server.PollUntilFinishedAsync(response.Headers.Location!);

        var stored = await server.Client.GetAsync(response.Headers.Location + "/response");

        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(42, JsonDocument.Parse(await stored.Content.ReadAsStringAsync()).RootElement.GetProperty("AddResult").GetInt32());
    }

    [Fact]
    public async Task PostJson_PollWithXmlAccept_406ProblemNamingTheMediaTypes()
    {
        var (_, _, response) = await PostJsonAsync(server.Client, "/queue/calculator", "{\"Add\": {\"a\": 1, \"b\": 2}}");
        await server.PollUntilFinishedAsync(response.Headers.Location!);

        var request = new HttpRequestMessage(HttpMethod.Get, response.Headers.Location);
        request.Headers.Accept.ParseAdd("text/xml");
        var answer = await server.Client.SendAsync(request);

        var detail = await ProblemJson.AssertAsync(answer, 406);
        Assert.Contains("enqueued as application/json", detail);
        Assert.Contains("'text/xml'", detail);
        Assert.Contains("/response", detail);
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
