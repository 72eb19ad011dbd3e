using System.Text;
using SoapMiddleware.Hangfire.Tests.Infrastructure;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Hangfire.Tests;

/// <summary>The basic round trip on Hangfire.SqlServer, when a SQL Server is configured.</summary>
[RequiresEnvironment(TestEnvironment.SqlServerVariable, TestEnvironment.SqlServerSkip)]
public sealed class SqlServerHangfireEngineTests
{
    [EngineFact]
    public async Task Enqueue_RunsTheCall_AndStoresTheSoapResult()
    {
        var probe = new QueueProbe();
        await using var host = await HangfireTestHost.StartAsync(TestStorages.SqlServer(), probe);
        var handle = await host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(2, 3));

        var task = await Wait.ForStateAsync(host.Queue, handle, QueuedTaskState.Succeeded, TimeSpan.FromSeconds(60));
        Assert.Equal(("Hangfire", "QueueTestService.Add(2, 3)", 1), (task.Engine, task.Display, task.Attempt));
        Assert.Contains(">5<", Encoding.UTF8.GetString(task.Result!));
    }
}
