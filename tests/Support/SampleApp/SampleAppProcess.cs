using System.Diagnostics;

namespace SoapMiddleware.Tests.Support;

/// <summary>
/// The sample app as its own process (<c>dotnet SampleApp.dll</c> from the test's output): its own runtime configuration
/// and the server GC it has in production, so its working set and its runtime switches are its own. It listens on
/// 127.0.0.1 and a free port, with the queue database the test names; disposing it kills it (this process only).
/// </summary>
public sealed class SampleAppProcess : IAsyncDisposable
{
    private SampleAppProcess(Process process, Uri baseAddress)
    {
        Process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The running sample app, for its <c>/proc</c> figures.</summary>
    public Process Process { get; }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A path of the app as an absolute URL.</summary>
    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>Starts the sample app and waits (up to 30 s) until it answers <c>/health</c>.</summary>
    /// <param name="queueDatabase">The SQLite file of its queue, in a folder the test owns and deletes.</param>
    /// <param name="arguments">More command-line settings (<c>--Queue:Workers=1</c>).</param>
    public static async Task<SampleAppProcess> StartAsync(string queueDatabase, params string[] arguments)
    {
        var port = ChildProcess.FreePort();
        var process = ChildProcess.Start("dotnet",
        [
            Path.Combine(AppContext.BaseDirectory, "SampleApp.dll"), "--urls", $"http://127.0.0.1:{port}",
            "--Logging:LogLevel:Default=Warning", "--Queue:ConnectionString", queueDatabase, .. arguments,
        ]);
        var app = new SampleAppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            using var http = new HttpClient();
            await Wait.UntilAsync(() => app.AnswersAsync(http), "the sample app to answer /health", TimeSpan.FromSeconds(30));
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
    }

    private async Task<bool> AnswersAsync(HttpClient http)
    {
        Assert.False(Process.HasExited, "The sample app exited at start.");
        try
        {
            using var response = await http.GetAsync(Url("/health"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
