using Microsoft.AspNetCore.Builder;

namespace SoapMiddleware.Tests.Support;

/// <summary>
/// The sample app on a real Kestrel on 127.0.0.1 (through <see cref="KestrelApp"/>), its SQLite queue in a temporary
/// directory of its own that is deleted with it. Linked only into the test projects that reference the sample app.
/// </summary>
public sealed class SampleAppHost : IAsyncDisposable
{
    private readonly KestrelApp _app;
    private readonly string _directory;

    private SampleAppHost(KestrelApp app, string directory)
    {
        _app = app;
        _directory = directory;
    }

    public Uri BaseAddress => _app.BaseAddress;

    public HttpClient Client => _app.Client;

    public IServiceProvider Services => _app.Services;

    /// <summary>An absolute URL on the app.</summary>
    public Uri Url(string path) => _app.Url(path);

    /// <summary>
    /// Starts the sample app with its log at Warning and the test's <paramref name="arguments"/> (command-line settings);
    /// <paramref name="middleware"/> may add middleware ahead of the app's endpoints.
    /// </summary>
    public static async Task<SampleAppHost> StartAsync(string directoryPrefix, string[] arguments, Action<WebApplication>? middleware = null)
    {
        var directory = Directory.CreateTempSubdirectory(directoryPrefix).FullName;
        try
        {
            var app = SampleApp.SampleApplication.Create(
            [
                "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "Warning",
                "--Queue:ConnectionString", Path.Combine(directory, "queue.db"),
                .. arguments,
            ]);
            middleware?.Invoke(app);
            return new SampleAppHost(await KestrelApp.StartAsync(app), directory);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();

        // The queue's pooled SQLite connections hold the file open.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
