using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SoapMiddleware.ServiceModel.Tests.Infrastructure;

/// <summary>A web app configured by the test, on a real Kestrel on 127.0.0.1 and a free port.</summary>
public sealed class ContractHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ContractHost(WebApplication app)
    {
        _app = app;
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public Uri Url(string path) => new(BaseAddress, path);

    public static async Task<ContractHost> StartAsync(Action<IRpcBuilder> configure, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        configure(builder.Services.AddRpc());
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new ContractHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
