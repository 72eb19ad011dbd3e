using Microsoft.AspNetCore.Builder;

namespace SoapMiddleware.Client.Tests.Typed;

/// <summary>The sample app on a real Kestrel on 127.0.0.1 and a free port, its queue in a temporary directory.</summary>
public sealed class SampleHost : IAsyncLifetime
{
    private WebApplication? _app;
    private string? _directory;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("soapmw-client-sample-").FullName;
        _app = SampleApp.SampleApplication.Create(
        [
            "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning",
            "--Queue:ConnectionString", Path.Combine(_directory, "queue.db"),
        ]);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    /// <summary>The sample's endpoint of <paramref name="protocol"/> for its calculator (<c>/soap/calculator</c>, <c>/json/calculator</c>, <c>/msgpack/calculator</c>) or its WCF twin.</summary>
    public Uri Endpoint(string protocol, bool wcf = false)
        => new(BaseAddress, wcf ? "/Calculator.svc" : protocol switch
        {
            "json" => "/json/calculator",
            "msgpack" => "/msgpack/calculator",
            _ => "/soap/calculator",
        });

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
