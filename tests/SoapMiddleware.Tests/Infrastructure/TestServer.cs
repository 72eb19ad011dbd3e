using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Tests.Infrastructure;

/// <summary>A minimal web app with the toolkit, configured by the test, on a real Kestrel on 127.0.0.1.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly KestrelApp _app;

    private TestServer(KestrelApp app) => _app = app;

    public Uri BaseAddress => _app.BaseAddress;

    public HttpClient Client => _app.Client;

    public Uri SoapUrl => _app.Url("/soap");

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the app: SOAP at <c>/soap</c>, plus whatever <paramref name="map"/> maps.</summary>
    public static async Task<TestServer> StartAsync(Action<IRpcBuilder> configure, Action<ILoggingBuilder>? logging = null, Action<WebApplication>? map = null)
    {
        var builder = KestrelApp.CreateBuilder();
        logging?.Invoke(builder.Logging);
        configure(builder.Services.AddRpc(o => o.Namespace = SoapRequests.Tns));
        var app = builder.Build();
        app.UseRpc("/soap");
        map?.Invoke(app);
        return new TestServer(await KestrelApp.StartAsync(app));
    }

    public Task<(int Status, XDocument Document, HttpResponseMessage Response)> CallAsync(string body, string header = "")
        => SoapRequests.SendAsync(Client, SoapRequests.Soap11Request(SoapUrl, SoapRequests.Envelope11(body, header)));

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
