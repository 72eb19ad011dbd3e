using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Tests.Support;

/// <summary>
/// The test projects' one way to host an app for an end-to-end test: a real Kestrel on 127.0.0.1 on a port the system
/// picks, the services and endpoints the test configures, a client on its address; stopped and disposed once.
/// </summary>
public sealed class KestrelApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private KestrelApp(WebApplication app)
    {
        _app = app;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Where Kestrel listens, <c>http://127.0.0.1:{port}</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client on <see cref="BaseAddress"/>, disposed with the app.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>An absolute URL on the app.</summary>
    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>
    /// A slim builder bound to 127.0.0.1 on a port the system picks, with no logging providers (a test adds the ones it
    /// reads) and no appsettings files or unprefixed environment variables: the test adds its services, builds, maps, and
    /// hands the app to <see cref="StartAsync(WebApplication)"/>.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateSlimBuilder();

        // Configuration overrides the options a test sets in code, and the sample app's appsettings.json is copied next
        // to every test assembly that references the sample (its namespace, its queue keys): a test's host is
        // configured by the test alone, plus what it adds to builder.Configuration itself.
        foreach (var source in builder.Configuration.Sources
            .Where(s => s is JsonConfigurationSource or EnvironmentVariablesConfigurationSource { Prefix: null or "" }).ToList())
        {
            builder.Configuration.Sources.Remove(source);
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>Starts an app built from <see cref="CreateBuilder"/> (or another app told to listen on 127.0.0.1 port 0); disposes it if it fails to start.</summary>
    public static async Task<KestrelApp> StartAsync(WebApplication app)
    {
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new KestrelApp(app);
    }

    /// <summary>Stops the app (its hosted services, Kestrel); only the first call stops it.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            await StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
