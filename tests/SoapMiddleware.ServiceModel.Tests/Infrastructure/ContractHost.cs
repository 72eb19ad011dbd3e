using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace SoapMiddleware.ServiceModel.Tests.Infrastructure;

/// <summary>A web app configured by the test, on a real Kestrel on 127.0.0.1 and a free port.</summary>
public sealed class ContractHost : IAsyncDisposable
{
    private readonly KestrelApp _app;

    private ContractHost(KestrelApp app) => _app = app;

    public Uri BaseAddress => _app.BaseAddress;

    public HttpClient Client => _app.Client;

    public IServiceProvider Services => _app.Services;

    public Uri Url(string path) => _app.Url(path);

    public static async Task<ContractHost> StartAsync(Action<IRpcBuilder> configure, Action<WebApplication> map)
    {
        var builder = KestrelApp.CreateBuilder();
        configure(builder.Services.AddRpc());
        var app = builder.Build();
        map(app);
        return new ContractHost(await KestrelApp.StartAsync(app));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
