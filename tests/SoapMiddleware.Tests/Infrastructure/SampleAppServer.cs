namespace SoapMiddleware.Tests.Infrastructure;

/// <summary>The sample app on a real Kestrel server on 127.0.0.1 and a free port, for end-to-end tests.</summary>
public sealed class SampleAppServer : IAsyncLifetime
{
    private readonly string[] _arguments;
    private SampleAppHost? _app;

    public SampleAppServer()
        : this([])
    {
    }

    /// <summary>A sample app with extra command-line settings (<c>--Queue:Protocol json</c>), for a test that owns it.</summary>
    internal SampleAppServer(string[] arguments) => _arguments = arguments;

    public Uri BaseAddress => _app!.BaseAddress;

    public HttpClient Client => _app!.Client;

    public Uri SoapUrl => new(BaseAddress, "/soap/calculator");

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
        => _app = await SampleAppHost.StartAsync("soapmw-sample-", ["--Queue:LeaseTimeout", "00:00:05", .. _arguments]);

    /// <summary>Polls a queued task's location until it is Succeeded or Failed.</summary>
    public Task<System.Text.Json.JsonElement> PollUntilFinishedAsync(Uri location)
        => Wait.ForAsync(
            () => System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(Client, location),
            task => task.GetProperty("state").GetString() is "Succeeded" or "Failed",
            $"{location} to finish");

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
