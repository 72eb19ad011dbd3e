using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static SoapMiddleware.Tests.Infrastructure.SoapRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>Asynchronous SOAP through the sample app: POST the synchronous request, poll, read the SOAP result.</summary>
[Collection(SampleAppCollection.Name)]
public sealed class QueueEndpointTests(SampleAppServer server)
{
    private Uri QueueUrl => new(server.BaseAddress, "/queue/calculator");

    [Fact]
    public async Task PostSoap11_202ThenPoll_SoapResult()
    {
        var response = await server.Client.SendAsync(Soap11Request(QueueUrl, Envelope11("<t:Add><t:a>19</t:a><t:b>23</t:b></t:Add>")));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Matches(@"^/queue/tasks/\d+-[0-9a-f]{32}$", location.ToString());
        var task = await server.PollUntilFinishedAsync(location);
        Assert.Equal("Succeeded", task.GetProperty("state").GetString());
        var result = XDocument.Parse(task.GetProperty("result").GetString()!);
        Assert.Equal("42", BodyContent(result).Element(T + "AddResult")!.Value);
        Assert.Equal(["Enqueued", "Processing", "Succeeded"], task.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task PostSoap12_PollWithXmlAccept_ReturnsStoredSoapResponse()
    {
        var response = await server.Client.SendAsync(Soap12Request(QueueUrl, Envelope12("<t:Echo><t:text>queued &amp; done</t:text></t:Echo>")));
        var location = response.Headers.Location!;
        await server.PollUntilFinishedAsync(location);

        var request = new HttpRequestMessage(HttpMethod.Get, location);
        request.Headers.Accept.ParseAdd("application/soap+xml");
        var soap = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, soap.StatusCode);
        var document = XDocument.Parse(await soap.Content.ReadAsStringAsync());
        Assert.Equal(Soap12 + "Envelope", document.Root!.Name);
        Assert.Equal("queued & done", BodyContent(document).Value);
    }

    [Fact]
    public async Task PostDivideByZero_TaskFailedWithSoapFaultAndNoRetry()
    {
        var response = await server.Client.SendAsync(Soap11Request(QueueUrl, Envelope11("<t:Divide><t:a>1</t:a><t:b>0</t:b></t:Divide>")));

        var task = await server.PollUntilFinishedAsync(response.Headers.Location!);

        Assert.Equal("Failed", task.GetProperty("state").GetString());
        Assert.Equal(1, task.GetProperty("attempt").GetInt32());
        Assert.Contains("Division by zero.", task.GetProperty("fault").GetString());
    }

    [Fact]
    public async Task PostDivideByZero_StoredResponse_500SoapFaultAsSynchronousSoap()
    {
        var response = await server.Client.SendAsync(Soap11Request(QueueUrl, Envelope11("<t:Divide><t:a>1</t:a><t:b>0</t:b></t:Divide>")));
        await server.PollUntilFinishedAsync(response.Headers.Location!);

        var byPath = await server.Client.GetAsync(response.Headers.Location + "/response");
        var request = new HttpRequestMessage(HttpMethod.Get, response.Headers.Location);
        request.Headers.Accept.ParseAdd("text/xml");
        var byAccept = await server.Client.SendAsync(request);

        // SOAP over HTTP answers every fault 500, whichever way the stored response is asked for.
        foreach (var answer in new[] { byPath, byAccept })
        {
            Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
            Assert.Equal("text/xml", answer.Content.Headers.ContentType?.MediaType);
            var fault = XDocument.Parse(await answer.Content.ReadAsStringAsync());
            Assert.Equal("soap:Client", fault.Descendants("faultcode").Single().Value);
            Assert.Equal("DivideByZero", fault.Descendants("detail").Single().Attributes().Single(a => a.Name.LocalName == "FaultSubcode").Value);
        }
    }

    [Fact]
    public async Task PostMalformed_RefusedAtOnceWithClientFault()
    {
        var response = await server.Client.SendAsync(Soap11Request(QueueUrl, Envelope11("<t:Add><t:a>x</t:a><t:b>1</t:b></t:Add>")));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var fault = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("soap:Client", fault.Descendants("faultcode").Single().Value);
    }

    [Fact]
    public async Task PostPlainText_415NamesTheContentType()
    {
        var response = await server.Client.PostAsync(QueueUrl, new StringContent("hello", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Contains("text/plain", await ProblemJson.AssertAsync(response, 415));
    }

    [Fact]
    public async Task PostLargerThanLimit_413AndNothingEnqueued()
    {
        var before = await server.Client.GetFromJsonAsync<JsonElement>("/queue/api/tasks?take=1");
        var huge = Envelope11($"<t:Echo><t:text>{new string('z', 4 * 1024 * 1024 + 1)}</t:text></t:Echo>");

        var response = await server.Client.SendAsync(Soap11Request(QueueUrl, huge));

        Assert.Contains("larger than the limit", await ProblemJson.AssertAsync(response, 413));
        var after = await server.Client.GetFromJsonAsync<JsonElement>("/queue/api/tasks?take=1");
        Assert.Equal(
            before.GetArrayLength() == 0 ? null : before[0].GetProperty("id").GetString(),
            after.GetArrayLength() == 0 ? null : after[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task GetUnknownTask_404()
    {
        var response = await server.Client.GetAsync("/queue/tasks/987654321");

        await ProblemJson.AssertAsync(response, 404);
    }

    [Fact]
    public async Task ManagementApi_StatsWorkersRetryAndDelete()
    {
        var response = await server.Client.SendAsync(Soap11Request(QueueUrl, Envelope11("<t:Divide><t:a>9</t:a><t:b>0</t:b></t:Divide>")));
        var location = response.Headers.Location!;
        var id = location.ToString().Split('/')[^1];
        await server.PollUntilFinishedAsync(location);

        var stats = await server.Client.GetFromJsonAsync<JsonElement>("/queue/api/stats");
        Assert.True(stats.GetProperty("byState").GetProperty("Failed").GetInt32() >= 1);
        var failed = await server.Client.GetFromJsonAsync<JsonElement>("/queue/api/tasks?state=Failed");
        Assert.Contains(failed.EnumerateArray(), t => t.GetProperty("id").GetString() == id);
        var workers = await server.Client.GetFromJsonAsync<JsonElement>("/queue/api/workers");
        Assert.True(workers.GetArrayLength() >= 4);

        var retryRequest = new HttpRequestMessage(HttpMethod.Post, $"/queue/api/tasks/{id}/retry");
        retryRequest.Headers.Add("X-SoapMiddleware-Management", "1");
        var retry = await server.Client.SendAsync(retryRequest);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var again = await server.PollUntilFinishedAsync(location);
        Assert.Contains(again.GetProperty("history").EnumerateArray(), h => h.GetProperty("reason").GetString() == "Retried by user");

        var deleteRequest = new HttpRequestMessage(HttpMethod.Delete, $"/queue/api/tasks/{id}");
        deleteRequest.Headers.Add("X-SoapMiddleware-Management", "1");
        var delete = await server.Client.SendAsync(deleteRequest);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        var deleted = await server.Client.GetFromJsonAsync<JsonElement>(location);
        Assert.Equal("Deleted", deleted.GetProperty("state").GetString());

        var otherQueue = await server.Client.GetFromJsonAsync<JsonElement>("/queue/api/tasks?state=Deleted&queue=nope");
        Assert.Equal(0, otherQueue.GetArrayLength());
        var defaultQueue = await server.Client.GetFromJsonAsync<JsonElement>("/queue/api/tasks?state=Deleted&queue=default");
        Assert.Contains(defaultQueue.EnumerateArray(), t => t.GetProperty("id").GetString() == id);

        var badState = await server.Client.GetAsync("/queue/api/tasks?state=Nope");
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
    }
}
