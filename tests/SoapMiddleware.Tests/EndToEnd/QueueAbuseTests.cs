using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static SoapMiddleware.Tests.Infrastructure.SoapRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// Anonymous clients cannot fill the queue's storage with work nobody runs: only the queues the workers consume, a
/// bounded delay and a bounded idempotency key; each refusal is a 400 naming the problem, and nothing is stored.
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed class QueueAbuseTests(SampleAppServer server)
{
    private Uri QueueUrl(string query = "") => new(server.BaseAddress, "/queue/calculator" + query);

    [Theory]
    [InlineData("?queue=nobody", "Unknown queue 'nobody'; this endpoint accepts 'default'")]
    [InlineData("?delaySeconds=2147483647", "more than the maximum delay")]
    [InlineData("?delaySeconds=-5", "whole number of seconds")]
    [InlineData("?delaySeconds=soon", "whole number of seconds")]
    public async Task RefusedWith400_NothingStored(string query, string message)
    {
        var before = await server.Client.GetFromJsonAsync<JsonElement>("/queue/api/stats");

        var response = await server.Client.SendAsync(Soap11Request(QueueUrl(query), Envelope11("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        var after = await server.Client.GetFromJsonAsync<JsonElement>("/queue/api/stats");
        Assert.Equal(before.GetProperty("byState").ToString(), after.GetProperty("byState").ToString());
    }

    [Fact]
    public async Task HugeQueueName_RefusedWithAShortMessage()
    {
        var response = await server.Client.SendAsync(Soap11Request(QueueUrl("?queue=" + new string('q', 7000)), Envelope11("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.InRange((await response.Content.ReadAsStringAsync()).Length, 1, 1000);
    }

    [Fact]
    public async Task HugeIdempotencyKey_Refused()
    {
        var request = Soap11Request(QueueUrl(), Envelope11("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>"));
        request.Headers.Add("Idempotency-Key", new string('k', 1000));

        var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownSoapAction_FallsBackToTheBody_TaskNamesItsOperation()
    {
        var request = Soap11Request(QueueUrl(), Envelope11("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>"));
        request.Headers.Remove("SOAPAction");
        request.Headers.Add("SOAPAction", "\"urn:nothing-known\"");

        var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var task = await server.PollUntilFinishedAsync(response.Headers.Location!);
        Assert.Equal("Add", task.GetProperty("operation").GetString());
        Assert.Equal("CalculatorService", task.GetProperty("service").GetString());
    }
}
