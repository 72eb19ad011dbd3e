using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SoapMiddleware.MessagePack.Tests.Csv;
using SoapMiddleware.MessagePack.Tests.Service;

namespace SoapMiddleware.MessagePack.Tests.Infrastructure;

/// <summary>
/// One web app on a real Kestrel on 127.0.0.1 for every test: the MessagePack protocol and the test project's own CSV
/// protocol registered with <c>AddProtocol&lt;T&gt;()</c>, the endpoints the tests call, and the queue on a SQLite file of
/// its own.
/// </summary>
public sealed class ToolServer : IAsyncLifetime
{
    public const string Tns = "http://tests.example/tools";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "soapmw-msgpack-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public RpcApplication Application => Services.GetRequiredService<RpcApplication>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddRpc(o => o.Namespace = Tns)
            .AddService<ToolService>()
            .AddProtocol<MessagePackProtocol>()
            .AddProtocol<CsvProtocol>()
            .AddQueue(o =>
            {
                o.Workers = 2;
                o.PollInterval = TimeSpan.FromMilliseconds(200);

                // A failed call is stored at once: the queue tests read its fault instead of waiting for retries.
                o.MaxAttempts = 1;
            })
            .UseSqlite(Path.Combine(_directory, "queue.db"));

        var app = builder.Build();
        app.MapRpc("/msgpack/tools", p => p.In("msgpack").Out("msgpack"));
        app.MapRpc("/msgpack/tools/{operation}", p => p.In("msgpack").Out("msgpack"));
        app.MapRpc("/soap-or-msgpack", p => p.In("soap11", "msgpack").Out("soap11", "msgpack"));
        app.MapRpc("/httprpc-to-soap/{operation}", p => p.In("httprpc").Out("soap11"));
        app.MapRpc("/json-to-msgpack", p => p.In("json").Out("msgpack"));
        app.MapRpc("/csv/tools", p => p.In("csv").Out("csv"));
        app.MapRpcQueueEndpoint("/queue", "/queue/tasks");
        app.MapRpcQueueTasks("/queue/tasks");
        await app.StartAsync();
        _app = app;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Polls a queued task's <c>Location</c> until it is Succeeded or Failed; returns its JSON view.</summary>
    public async Task<JsonElement> PollUntilFinishedAsync(Uri location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await Client.GetAsync(location);
            response.EnsureSuccessStatusCode();
            var task = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            var state = task.GetProperty("state").GetString();
            if (state is "Succeeded" or "Failed")
            {
                return task;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The task is still {state} after 30 s.");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temporary directory is left for the system to clean.
        }
    }
}
