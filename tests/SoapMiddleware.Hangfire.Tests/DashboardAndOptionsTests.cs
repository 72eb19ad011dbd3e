using System.Net;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Hangfire.Tests.Infrastructure;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Hangfire.Tests;

public sealed class DashboardAndOptionsTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("::1", "::1", true)]
    [InlineData("10.0.0.5", "10.0.0.5", true)]
    [InlineData("10.0.0.7", "10.0.0.5", false)]
    [InlineData(null, null, false)]
    public void DashboardFilter_AllowsLocalRequestsOnly(string? remote, string? local, bool allowed)
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        http.Connection.RemoteIpAddress = remote is null ? null : IPAddress.Parse(remote);
        http.Connection.LocalIpAddress = local is null ? null : IPAddress.Parse(local);
        using var storage = new global::Hangfire.InMemory.InMemoryStorage();
        var context = new AspNetCoreDashboardContext(storage, new DashboardOptions(), http);

        Assert.Equal(allowed, new RpcQueueDashboardAuthorizationFilter().Authorize(context));
    }

    [Fact]
    public void ServerOptions_FollowTheQueueOptions()
    {
        var queue = new RpcQueueOptions { Workers = 6, Queues = ["critical", "default"], ShutdownTimeout = TimeSpan.FromSeconds(12) };
        var server = new BackgroundJobServerOptions().UseRpcQueueOptions(queue);
        Assert.Equal(6, server.WorkerCount);
        Assert.Equal(["critical", "default"], server.Queues);
        Assert.Equal(TimeSpan.FromSeconds(12), server.ShutdownTimeout);
    }
}
