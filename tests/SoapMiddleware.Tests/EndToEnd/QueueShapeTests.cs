using System.Net;
using System.Text.Json;
using static SoapMiddleware.Tests.Infrastructure.SoapRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// One shape per meaning across the queue's HTTP surface: "a task was accepted" is the same wherever a task is created,
/// and every error of the queue and management APIs is an RFC 9457 problem.
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed class QueueShapeTests(SampleAppServer server)
{
    [Fact]
    public async Task DemoSleepAndQueueEndpoint_AcceptedWithTheSameShapeAndLocation()
    {
        var fromCode = await server.Client.PostAsync("/demo/sleep/0", null);
        var overHttp = await server.Client.SendAsync(Soap11Request(new Uri(server.BaseAddress, "/queue/calculator"), Envelope11("<t:Sleep><t:seconds>0</t:seconds></t:Sleep>")));

        foreach (var response in new[] { fromCode, overHttp })
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(["id", "state", "operation", "location"], body.EnumerateObject().Select(p => p.Name));
            Assert.Equal("Enqueued", body.GetProperty("state").GetString());
            Assert.Equal("Sleep", body.GetProperty("operation").GetString());
            Assert.Equal(response.Headers.Location!.ToString(), body.GetProperty("location").GetString());
            Assert.Equal($"/queue/tasks/{body.GetProperty("id").GetString()}", body.GetProperty("location").GetString());
        }
    }

    [Theory]
    [InlineData("/queue/api/tasks/1-00000000000000000000000000000000", 404)]
    [InlineData("/queue/api/tasks?state=Bogus", 400)]
    [InlineData("/queue/api/tasks?skip=abc", 400)]
    [InlineData("/queue/api/tasks?take=-1", 400)]
    [InlineData("/queue/api/nothing-here", 404)]
    [InlineData("/queue/api/tasks/1-2/retry", 405)]
    [InlineData("/queue/tasks/1-00000000000000000000000000000000", 404)]
    [InlineData("/queue/tasks/1-00000000000000000000000000000000/response", 404)]
    public async Task QueueAndManagementErrors_AreProblemJson(string path, int status)
    {
        var response = await server.Client.GetAsync(path);

        await ProblemJson.AssertAsync(response, status);
    }

    [Fact]
    public async Task ManagementWrongMethod_405NamesTheAllowedMethods()
    {
        var response = await server.Client.GetAsync("/queue/api/tasks/1-2/retry");

        Assert.Contains("takes POST", await ProblemJson.AssertAsync(response, 405));
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("GET", "/queue/calculator", "POST")]
    [InlineData("PUT", "/queue/calculator", "POST")]
    [InlineData("POST", "/queue/tasks/1-00000000000000000000000000000000", "GET")]
    [InlineData("DELETE", "/queue/tasks/1-00000000000000000000000000000000/response", "GET")]
    public async Task QueueEndpointsWrongMethod_405ProblemWithAllow(string method, string path, string allowed)
    {
        var response = await server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Contains($"takes {allowed}", await ProblemJson.AssertAsync(response, 405));
        Assert.Equal([allowed], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task ManagementChanges_OfUnknownTasks_AreProblemJson()
    {
        foreach (var (method, path) in new[] { (HttpMethod.Post, "/queue/api/tasks/1-0/retry"), (HttpMethod.Delete, "/queue/api/tasks/1-0"), (HttpMethod.Delete, "/queue/api/recurring/none") })
        {
            var request = new HttpRequestMessage(method, path);
            request.Headers.Add("X-SoapMiddleware-Management", "1");

            await ProblemJson.AssertAsync(await server.Client.SendAsync(request), 404);
        }
    }
}
