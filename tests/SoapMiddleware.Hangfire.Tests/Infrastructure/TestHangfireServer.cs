using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SoapMiddleware.Hangfire.Tests.Infrastructure;

/// <summary>
/// A Hangfire server for one test host, built with explicit storage and an activator over that host's container (what
/// <c>AddHangfireServer</c> does, without its global configuration): jobs resolve <c>RpcJob</c> and the test service
/// from the host that enqueued them even when many hosts run in the process.
/// </summary>
public sealed class TestHangfireServer(JobStorage storage, BackgroundJobServerOptions options, IServiceScopeFactory scopes) : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;

    public string ServerName => options.ServerName;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        options.Activator = new AspNetCoreJobActivator(scopes);
        _server = new BackgroundJobServer(options, storage);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            server.SendStop();
            await server.WaitForShutdownAsync(cancellationToken);
        }
    }

    public void Dispose() => _server?.Dispose();
}
