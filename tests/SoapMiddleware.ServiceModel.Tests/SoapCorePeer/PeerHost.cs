using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace SoapMiddleware.ServiceModel.Tests.SoapCorePeer;

/// <summary>
/// One calculator host (SoapCore or ours) on a real Kestrel on 127.0.0.1 with a dynamic port, so the WCF client and
/// the WSDL comparison go through the same sockets, headers and encodings a deployed service would.
/// </summary>
public sealed class PeerHost : IAsyncDisposable
{
    /// <summary>The path both hosts serve the calculator at, as issue 10's sample twin does.</summary>
    public const string Path = "/Calculator.svc";

    private readonly KestrelApp _app;

    private PeerHost(string name, KestrelApp app)
    {
        Name = name;
        _app = app;
    }

    /// <summary>"SoapCore" or "ours", for messages.</summary>
    public string Name { get; }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress => _app.BaseAddress;

    /// <summary>The calculator endpoint.</summary>
    public Uri Endpoint => new(BaseAddress, Path);

    /// <summary>A plain client for WSDL and raw SOAP requests.</summary>
    public HttpClient Http => _app.Client;

    /// <summary>Builds and starts a host: <paramref name="services"/> registers the stack, <paramref name="pipeline"/> maps it.</summary>
    public static async Task<PeerHost> StartAsync(string name, Action<IServiceCollection> services, Action<WebApplication> pipeline)
    {
        // No logging providers: SoapCore logs every expected fault at Error with a stack trace; the test output should
        // show differences only.
        var builder = KestrelApp.CreateBuilder();
        services(builder.Services);
        var app = builder.Build();
        pipeline(app);
        return new PeerHost(name, await KestrelApp.StartAsync(app));
    }

    /// <summary>The WSDL as served to a client at <c>?wsdl</c>.</summary>
    public Task<string> GetWsdlAsync() => Http.GetStringAsync(Path + "?wsdl");

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
