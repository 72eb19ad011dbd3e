using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SoapMiddleware.Tests.Infrastructure;

/// <summary>The sample app on a real Kestrel server on 127.0.0.1 and a free port, for end-to-end tests.</summary>
public sealed class SampleAppServer : IAsyncLifetime
{
    private readonly string[] _arguments;
    private WebApplication? _app;
    private string? _directory;

    public SampleAppServer()
        : this([])
    {
    }

    /// <summary>A sample app with extra command-line settings (<c>--Queue:Protocol json</c>), for a test that owns it.</summary>
    internal SampleAppServer(string[] arguments) => _arguments = arguments;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Uri SoapUrl => new(BaseAddress, "/soap/calculator");

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("soapmw-sample-").FullName;
        _app = SampleApp.SampleApplication.Create(
        [
            "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning",
            "--Queue:ConnectionString", Path.Combine(_directory, "queue.db"), "--Queue:LeaseTimeout", "00:00:05",
            .. _arguments,
        ]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Polls a queued task's location until it is Succeeded or Failed.</summary>
    public async Task<System.Text.Json.JsonElement> PollUntilFinishedAsync(Uri location)
    {
        for (var i = 0; i < 400; i++)
        {
            var task = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(Client, location);
            if (task.GetProperty("state").GetString() is "Succeeded" or "Failed")
            {
                return task;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{location} did not finish.");
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
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
