using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static SoapMiddleware.Tests.Infrastructure.SoapRequests;

namespace SoapMiddleware.Tests.Security;

/// <summary>
/// A call enqueued with a WS-Security token through the sample app keeps its caller: the management API's task view
/// shows <c>enqueuedBy</c> and a stored request without the token, and the queued run succeeds.
/// </summary>
[Collection(SampleAppCollection.Name)]
public sealed class SecureQueueTests(SampleAppServer server)
{
    [Fact]
    public async Task Enqueue_WithAlicesToken_TaskShowsEnqueuedByAlice_AndRuns()
    {
        var header = SecurityTokens.Header("alice", "wonderland", digest: true, DateTimeOffset.UtcNow, mustUnderstand: "1");

        var response = await server.Client.SendAsync(Soap11Request(new Uri(server.BaseAddress, "/queue/calculator"), Envelope11("<t:Add><t:a>40</t:a><t:b>2</t:b></t:Add>", header)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var task = await server.PollUntilFinishedAsync(response.Headers.Location!);
        var handle = response.Headers.Location!.ToString().Split('/')[^1];
        var view = await server.Client.GetFromJsonAsync<JsonElement>($"/queue/api/tasks/{handle}");

        Assert.Equal("Succeeded", task.GetProperty("state").GetString());
        Assert.Equal("alice", view.GetProperty("enqueuedBy").GetString());
        var stored = view.GetProperty("payload").GetString()!;
        Assert.Contains("<t:a>40</t:a>", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("UsernameToken", stored, StringComparison.Ordinal); // the token (its digest and nonce) is not kept
        Assert.False(task.TryGetProperty("enqueuedBy", out _)); // the public task view, for whoever holds the handle, does not name the caller
    }

    [Fact]
    public async Task Enqueue_Anonymous_NoEnqueuedBy()
    {
        var response = await server.Client.SendAsync(Soap11Request(new Uri(server.BaseAddress, "/queue/calculator"), Envelope11("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>")));
        await server.PollUntilFinishedAsync(response.Headers.Location!);
        var view = await server.Client.GetFromJsonAsync<JsonElement>($"/queue/api/tasks/{response.Headers.Location!.ToString().Split('/')[^1]}");

        Assert.False(view.TryGetProperty("enqueuedBy", out _));
    }
}
