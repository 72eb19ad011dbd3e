using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
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
    private KestrelApp? _app;

    public HttpClient Client => _app!.Client;

    public Uri BaseAddress => _app!.BaseAddress;

    public IServiceProvider Services => _app!.Services;

    public RpcApplication Application => Services.GetRequiredService<RpcApplication>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var builder = KestrelApp.CreateBuilder();
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
        _app = await KestrelApp.StartAsync(app);
    }

    /// <summary>Polls a queued task's <c>Location</c> until it is Succeeded or Failed; returns its JSON view.</summary>
    public Task<JsonElement> PollUntilFinishedAsync(Uri location)
        => Wait.ForAsync(
            () => Client.GetFromJsonAsync<JsonElement>(location),
            task => task.GetProperty("state").GetString() is "Succeeded" or "Failed",
            $"{location} to finish",
            TimeSpan.FromSeconds(30));

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
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
