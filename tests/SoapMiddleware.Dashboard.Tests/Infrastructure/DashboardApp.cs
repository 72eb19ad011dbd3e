using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Dashboard.Tests.Infrastructure;

/// <summary>
/// The sample app on a real Kestrel server on 127.0.0.1 and a free port, with its own SQLite queue. A request with the
/// test-only <see cref="RemoteIpHeader"/> header is treated as coming from that address (<c>none</c>: no address, as on
/// a Unix socket), to check the local-only rule.
/// </summary>
public sealed class DashboardApp : IAsyncDisposable
{
    public const string RemoteIpHeader = "X-Test-Remote-Ip";

    /// <summary>The header the management API requires on POST and DELETE (a cross-site form cannot send it).</summary>
    public const string ManagementHeader = "X-SoapMiddleware-Management";
    private const string Namespace = "http://example.com/calc";

    private SampleAppHost _app = null!;

    public Uri BaseAddress => _app.BaseAddress;

    public HttpClient Client => _app.Client;

    public IRpcQueue Queue => _app.Services.GetRequiredService<IRpcQueue>();

    /// <summary>The built-in engine's storage, to plant rows (a dead worker) that the running app would not make by itself.</summary>
    public IQueueStorage Storage => _app.Services.GetRequiredService<IQueueStorage>();

    public Uri DashboardUrl => new(BaseAddress, "/rpc-dashboard");

    public static async Task<DashboardApp> StartAsync(params string[] extraArgs)
    {
        // A short lease makes the heartbeat (lease / 3) write the workers' progress every second.
        var app = await SampleAppHost.StartAsync("soapmw-dashboard-", ["--Queue:LeaseTimeout", "00:00:03", .. extraArgs], web => web.Use((http, next) =>
        {
            if (http.Request.Headers.TryGetValue(RemoteIpHeader, out var spoofed))
            {
                http.Connection.RemoteIpAddress = spoofed.ToString() == "none" ? null : IPAddress.Parse(spoofed.ToString());
            }

            return next(http);
        }));
        return new DashboardApp { _app = app };
    }

    /// <summary>Enqueues a SOAP 1.1 call through <c>POST /queue/calculator</c> and returns the task's handle.</summary>
    public async Task<string> EnqueueAsync(string operation, int a, int b, int? delaySeconds = null)
    {
        var envelope = $"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><{operation} xmlns="{Namespace}"><a>{a}</a><b>{b}</b></{operation}></s:Body></s:Envelope>""";
        using var content = new StringContent(envelope, Encoding.UTF8, "text/xml");
        using var response = await Client.PostAsync(delaySeconds is null ? "/queue/calculator" : $"/queue/calculator?delaySeconds={delaySeconds}", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return Handle(await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>Enqueues <c>Sleep(seconds)</c> through <c>POST /demo/sleep/{seconds}</c> and returns the task's handle.</summary>
    public async Task<string> EnqueueSleepAsync(int seconds)
    {
        using var response = await Client.PostAsync($"/demo/sleep/{seconds}", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return Handle(await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public async Task DeleteAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/queue/api/tasks/{Uri.EscapeDataString(id)}");
        request.Headers.Add(ManagementHeader, "1");
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Enqueues a JSON call (<c>{"Echo": {"text": ...}}</c>) through <c>POST /queue/calculator</c>, as a client would.</summary>
    public async Task<string> EnqueueJsonAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync("/queue/calculator", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return Handle(await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>The task's history reasons, as the management API lists them.</summary>
    public async Task<List<string?>> HistoryReasonsAsync(string id)
        => [.. (await GetTaskAsync(id)).GetProperty("history").EnumerateArray().Select(h => h.GetProperty("reason").GetString())];

    public async Task<JsonElement> GetJsonAsync(string path) => await Client.GetFromJsonAsync<JsonElement>(path);

    /// <summary>A task as the management API shows it.</summary>
    public Task<JsonElement> GetTaskAsync(string id) => GetJsonAsync($"/queue/api/tasks/{Uri.EscapeDataString(id)}");

    public async Task<string> TaskStateAsync(string id) => (await GetTaskAsync(id)).GetProperty("state").GetString()!;

    public Task WaitForStateAsync(string id, string state)
        => Wait.UntilAsync(async () => await TaskStateAsync(id) == state, $"task {id} is {state}", TimeSpan.FromSeconds(15));

    /// <summary>The <c>id</c> of a 202 answer: a handle <c>{engine id}-{32 hex digits}</c>, never a bare number.</summary>
    private static string Handle(JsonElement accepted)
    {
        var id = accepted.GetProperty("id");
        Assert.Equal(JsonValueKind.String, id.ValueKind);
        Assert.Matches("^.+-[0-9a-f]{32}$", id.GetString()!);
        return id.GetString()!;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
