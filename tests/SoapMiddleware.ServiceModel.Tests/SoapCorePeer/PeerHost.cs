using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>
/// One calculator host (SoapCore or ours) on a real Kestrel on 127.0.0.1 with a dynamic port, so the WCF client and
/// the WSDL comparison go through the same sockets, headers and encodings a deployed service would.
/// </summary>
public sealed class PeerHost : IAsyncDisposable
{
    /// <summary>The path both hosts serve the calculator at, as issue 10's sample twin does.</summary>
    public const string Path = "/Calculator.svc";

    private readonly WebApplication _app;

    private PeerHost(string name, WebApplication app, Uri baseAddress)
    {
        Name = name;
        _app = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    /// <summary>"SoapCore" or "ours", for messages.</summary>
    public string Name { get; }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; }

    /// <summary>The calculator endpoint.</summary>
    public Uri Endpoint => new(BaseAddress, Path);

    /// <summary>A plain client for WSDL and raw SOAP requests.</summary>
    public HttpClient Http { get; }

    /// <summary>Builds and starts a host: <paramref name="services"/> registers the stack, <paramref name="pipeline"/> maps it.</summary>
    public static async Task<PeerHost> StartAsync(string name, Action<IServiceCollection> services, Action<WebApplication> pipeline)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // SoapCore logs every expected fault at Error with a stack trace; the test output should show differences only.
        builder.Logging.ClearProviders();
        services(builder.Services);
        var app = builder.Build();
        pipeline(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PeerHost(name, app, new Uri(address));
    }

    /// <summary>The WSDL as served to a client at <c>?wsdl</c>.</summary>
    public Task<string> GetWsdlAsync() => Http.GetStringAsync(Path + "?wsdl");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
