using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Hosting;

/// <summary>
/// Registrations that would fail late fail at startup instead: a queue surface mapped without <c>AddQueue()</c> stops
/// the app when it is mapped, naming the missing call, rather than answering every request 500. And <c>AddQueue</c> is
/// one builder: options and the engine on the same chain.
/// </summary>
public sealed class QueueRegistrationTests
{
    public static TheoryData<string> Mappings() =>
        [nameof(RpcQueueEndpointExtensions.MapRpcQueueEndpoint), nameof(RpcQueueEndpointExtensions.MapRpcQueueTasks),
         nameof(RpcQueueEndpointExtensions.MapRpcQueue), nameof(RpcDashboardEndpointExtensions.MapRpcDashboard),
         nameof(HangfireDashboardEndpointExtensions.MapRpcQueueHangfireDashboard)];

    /// <summary>Not Hangfire's dashboard: mapping it needs <c>AddHangfire</c>, which is process-wide (the Hangfire tests map it).</summary>
    public static TheoryData<string> OwnMappings() =>
        [nameof(RpcQueueEndpointExtensions.MapRpcQueueEndpoint), nameof(RpcQueueEndpointExtensions.MapRpcQueueTasks),
         nameof(RpcQueueEndpointExtensions.MapRpcQueue), nameof(RpcDashboardEndpointExtensions.MapRpcDashboard)];

    [Theory]
    [MemberData(nameof(Mappings))]
    public async Task QueueSurface_WithoutAddQueue_FailsWhenMappedNamingTheMissingCall(string mapping)
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddSingleton(new QueueProbe());
        builder.Services.AddRpc(o => o.Namespace = "http://example.com/no-queue").AddService<QueueTestService>();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => Map(app, mapping));

        Assert.Contains("AddRpc().AddQueue()", error.Message);
        Assert.StartsWith(mapping + " ", error.Message);
    }

    [Theory]
    [MemberData(nameof(OwnMappings))]
    public async Task QueueSurface_WithAddQueue_Maps(string mapping)
    {
        var builder = KestrelApp.CreateBuilder();
        builder.Services.AddSingleton(new QueueProbe());
        builder.Services.AddRpc(o => o.Namespace = "http://example.com/queue").AddService<QueueTestService>()
            .AddQueue(o => o.Role = QueueRole.Web).UseSqlite(":memory:");
        await using var app = builder.Build();

        Map(app, mapping);

        Assert.NotEmpty(((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints));
    }

    [Fact]
    public void AddQueue_OneBuilder_SetsOptionsAndStorageOnOneChain()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        var chosen = false;
        services.AddRpc().AddService<QueueTestService>()
            .AddQueue(o => o.Workers = 3)
            .UseStorage(_ =>
            {
                chosen = true;
                throw new InvalidOperationException("not built in this test");
            })
            .Configure(o => o.PollInterval = TimeSpan.FromMilliseconds(123));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<RpcQueueOptions>>().Value;

        Assert.Equal(3, options.Workers);
        Assert.Equal(TimeSpan.FromMilliseconds(123), options.PollInterval);
        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IQueueStorage>());
        Assert.True(chosen);
    }

    private static void Map(WebApplication app, string mapping)
    {
        _ = mapping switch
        {
            nameof(RpcQueueEndpointExtensions.MapRpcQueueEndpoint) => app.MapRpcQueueEndpoint("/queue/calc"),
            nameof(RpcQueueEndpointExtensions.MapRpcQueueTasks) => app.MapRpcQueueTasks("/queue/tasks"),
            nameof(RpcQueueEndpointExtensions.MapRpcQueue) => app.MapRpcQueue("/queue/api"),
            nameof(RpcDashboardEndpointExtensions.MapRpcDashboard) => app.MapRpcDashboard("/rpc-dashboard"),
            nameof(HangfireDashboardEndpointExtensions.MapRpcQueueHangfireDashboard) => app.MapRpcQueueHangfireDashboard("/hangfire"),
            _ => throw new ArgumentOutOfRangeException(nameof(mapping), mapping, null),
        };
    }
}
