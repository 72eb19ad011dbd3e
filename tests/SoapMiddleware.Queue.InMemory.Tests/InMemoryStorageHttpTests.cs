using System.Net;
using System.Text;
using System.Text.Json;
using SoapMiddleware.EngineContract;

namespace SoapMiddleware.Queue.InMemory.Tests;

/// <summary>A SOAP request queued over HTTP runs on the public-API storage, and its handle reads the result over HTTP.</summary>
public sealed class InMemoryStorageHttpTests
{
    [Fact]
    public async Task HttpEnqueue_RunsOnTheInMemoryStorage_ResultReadByItsHandle()
    {
        await using var host = await InMemoryEngineHost.StartAsync(new EngineProbe());
        var envelope = $"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Add xmlns="{EngineTestService.Namespace}"><a>20</a><b>22</b></Add></s:Body></s:Envelope>""";

        var response = await host.Client.PostAsync("/queue/calls", new StringContent(envelope, Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/queue/tasks/", location.OriginalString);
        var task = await Wait.ForAsync(
            async () => JsonDocument.Parse(await host.Client.GetStringAsync(location)).RootElement.Clone(),
            t => t.GetProperty("state").GetString() == "Succeeded",
            "the queued call to succeed");
        Assert.Contains(">42</", task.GetProperty("result").GetString());
        var stored = await host.Queue.GetAsync(location.OriginalString["/queue/tasks/".Length..]);
        Assert.Equal(QueuedTaskState.Succeeded, stored!.State);
        Assert.Contains(await host.Monitor.GetWorkersAsync(), w => w.WorkerId == stored.WorkerId);
    }
}
