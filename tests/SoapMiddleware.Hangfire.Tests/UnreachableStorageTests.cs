using SoapMiddleware.Hangfire.Tests.Infrastructure;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Hangfire.Tests;

/// <summary>A Hangfire.PostgreSql storage whose server cannot be reached (nothing listens on its port).</summary>
public sealed class UnreachableStorageTests
{
    [Fact]
    public async Task Enqueue_ThrowsQueueUnavailable_NamingHangfireAndTheStorage()
    {
        await using var host = HangfireTestHost.Build(TestStorages.UnreachablePostgreSql(), new QueueProbe(), runServer: false);
        var error = await Assert.ThrowsAsync<QueueUnavailableException>(() => host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(1, 2)));
        Assert.Contains("Hangfire", error.Message);
        Assert.Contains("PostgreSqlStorage", error.Message);

        var keyed = await Assert.ThrowsAsync<QueueUnavailableException>(
            () => host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(1, 2), new EnqueueOptions { IdempotencyKey = "k" }));
        Assert.Contains("PostgreSqlStorage", keyed.Message);
    }

    [Fact]
    public async Task Startup_Fails_NamingTheHangfireEngineAndTheStorage()
    {
        await using var host = HangfireTestHost.Build(TestStorages.UnreachablePostgreSql(), new QueueProbe(), runServer: false);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(host.StartAsync);
        Assert.Contains("Hangfire queue engine", error.Message);
        Assert.Contains("PostgreSqlStorage", error.Message);
    }
}
