using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static SoapMiddleware.Tests.Infrastructure.SoapRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// Task handles keep one caller's result from another: the public task endpoint is open by design (clients poll it), so
/// the handle in <c>Location</c> is the only key, and neither a guessed row id nor a reused idempotency key gives it away.
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed class TaskHandleTests(SampleAppServer server)
{
    private Uri QueueUrl => new(server.BaseAddress, "/queue/calculator");

    [Fact]
    public async Task GuessedHandles_RevealNothing()
    {
        var response = await server.Client.SendAsync(Soap11Request(QueueUrl, Envelope11("<t:Echo><t:text>secret of caller A</t:text></t:Echo>")));
        var location = response.Headers.Location!.ToString();
        await server.PollUntilFinishedAsync(response.Headers.Location!);
        var handle = location.Split('/')[^1];
        var rowId = long.Parse(handle.Split('-')[0]);

        // The bare row id, neighbours, the right id with another secret, and the secret with another id: all unknown.
        string[] guesses =
        [
            $"{rowId}",
            $"{rowId - 1}",
            $"{rowId + 1}",
            $"{rowId}-{new string('0', 32)}",
            $"{rowId}-{handle[^32..^1]}{(handle[^1] == '0' ? '1' : '0')}",
            $"{rowId + 1}-{handle[^32..]}",
            $"{rowId}-{handle[^32..].ToUpperInvariant()}",
        ];
        foreach (var guess in guesses.Where(g => g != handle))
        {
            var read = await server.Client.GetAsync($"/queue/tasks/{guess}");
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
            Assert.DoesNotContain("secret of caller A", await read.Content.ReadAsStringAsync());
        }

        var owner = await server.Client.GetFromJsonAsync<JsonElement>(location);
        Assert.Contains("secret of caller A", owner.GetProperty("result").GetString());
    }

    [Fact]
    public async Task ReusedIdempotencyKey_WithAnotherRequest_Is409AndDoesNotLeakTheFirstTask()
    {
        var key = "order-" + Guid.NewGuid().ToString("N");
        var first = await server.Client.SendAsync(WithKey(Soap11Request(QueueUrl, Envelope11("<t:Echo><t:text>caller A's data</t:text></t:Echo>")), key));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var firstHandle = first.Headers.Location!.ToString().Split('/')[^1];

        var second = await server.Client.SendAsync(WithKey(Soap11Request(QueueUrl, Envelope11("<t:Echo><t:text>caller B</t:text></t:Echo>")), key));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
        var body = await second.Content.ReadAsStringAsync();
        Assert.DoesNotContain(firstHandle, body);
        Assert.Null(second.Headers.Location);
    }

    [Fact]
    public async Task RepeatedIdempotencyKey_WithTheSameRequest_ReturnsTheSameTask()
    {
        var key = "retry-" + Guid.NewGuid().ToString("N");
        var envelope = Envelope11("<t:Add><t:a>2</t:a><t:b>40</t:b></t:Add>");
        var first = await server.Client.SendAsync(WithKey(Soap11Request(QueueUrl, envelope), key));
        var second = await server.Client.SendAsync(WithKey(Soap11Request(QueueUrl, envelope), key));

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
    }

    private static HttpRequestMessage WithKey(HttpRequestMessage request, string key)
    {
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
