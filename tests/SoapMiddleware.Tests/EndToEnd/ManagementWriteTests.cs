using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// The management API's writes say what they mean: the write header must say <c>1</c>, a retry of a task that is not
/// finished is a conflict naming its state (not a 404), and an <c>Idempotency-Key</c> is printable text.
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed class ManagementWriteTests(SampleAppServer server)
{
    private const string Header = "X-SoapMiddleware-Management";
    private const string UnknownTask = "1-00000000000000000000000000000000";

    [Theory]
    [InlineData("0")]
    [InlineData("false")]
    [InlineData("no")]
    public async Task Write_ManagementHeaderNotOne_Refused403(string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/queue/api/tasks/{UnknownTask}/retry");
        request.Headers.Add(Header, value);

        using var response = await server.Client.SendAsync(request);

        var detail = await ProblemJson.AssertAsync(response, 403);
        Assert.Contains($"{Header}: 1", detail);
        Assert.Contains($"got '{value}'", detail);
    }

    [Fact]
    public async Task Retry_ScheduledTask_409NamingItsState()
    {
        var handle = await EnqueueAsync("/queue/calculator?delaySeconds=600", """{"Add":{"a":1,"b":2}}""");

        using var response = await RetryAsync(handle);

        var detail = await ProblemJson.AssertAsync(response, 409);
        Assert.Equal($"Task '{handle}' is Scheduled; only Failed, Succeeded or Deleted tasks can be retried.", detail);
    }

    [Fact]
    public async Task Retry_ProcessingTask_409NamingItsState()
    {
        var handle = await EnqueueAsync("/queue/calculator", """{"Sleep":{"seconds":3}}""");
        for (var i = 0; i < 200 && await StateAsync(handle) != "Processing"; i++)
        {
            await Task.Delay(25);
        }

        using var response = await RetryAsync(handle);

        var detail = await ProblemJson.AssertAsync(response, 409);
        Assert.Equal($"Task '{handle}' is Processing; only Failed, Succeeded or Deleted tasks can be retried.", detail);
    }

    [Fact]
    public async Task Retry_UnknownTask_Still404()
    {
        using var response = await RetryAsync(UnknownTask);

        Assert.Contains("No task", await ProblemJson.AssertAsync(response, 404));
    }

    [Theory]
    [InlineData("key\u0001one")]
    [InlineData("key\u001Bone")]
    [InlineData("key\tone")]
    [InlineData("key\u007Fone")]
    public async Task IdempotencyKey_WithControlCharacters_400(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/queue/calculator") { Content = new StringContent("""{"Add":{"a":1,"b":2}}""", Encoding.UTF8, "application/json") };
        Assert.True(request.Headers.TryAddWithoutValidation("Idempotency-Key", key));

        using var response = await server.Client.SendAsync(request);

        Assert.Contains("printable ASCII", await ProblemJson.AssertAsync(response, 400));
    }

    private async Task<string> EnqueueAsync(string path, string json)
    {
        using var response = await server.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<string?> StateAsync(string handle)
        => (await server.Client.GetFromJsonAsync<JsonElement>($"/queue/tasks/{handle}")).GetProperty("state").GetString();

    private Task<HttpResponseMessage> RetryAsync(string handle)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/queue/api/tasks/{handle}/retry");
        request.Headers.Add(Header, "1");
        return server.Client.SendAsync(request);
    }
}
