using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Tests.Infrastructure;

/// <summary>A minimal web app with the toolkit, configured by the test, on a real Kestrel on 127.0.0.1.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public Uri SoapUrl => new(BaseAddress, "/soap");

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the app: SOAP at <c>/soap</c>, plus whatever <paramref name="map"/> maps.</summary>
    public static async Task<TestServer> StartAsync(Action<IRpcBuilder> configure, Action<ILoggingBuilder>? logging = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        configure(builder.Services.AddRpc(o => o.Namespace = SoapRequests.Tns));
        var app = builder.Build();
        app.UseRpc("/soap");
        map?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestServer(app, new Uri(address));
    }

    public Task<(int Status, XDocument Document, HttpResponseMessage Response)> CallAsync(string body, string header = "")
        => SoapRequests.SendAsync(Client, SoapRequests.Soap11Request(SoapUrl, SoapRequests.Envelope11(body, header)));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
