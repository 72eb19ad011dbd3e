using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.EngineContract;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Engine;

/// <summary>A queued call that never returns cannot hold a worker forever: Queue:CallTimeout cancels it and the attempt fails with a clear reason.</summary>
public sealed class CallTimeoutTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("soapmw-timeout-").FullName;

    [Fact]
    public async Task CallRunsPastTheTimeout_Cancelled_FailedWithTimeoutReason()
    {
        var probe = new EngineProbe();
        await using var host = await BuiltinEngineHost.StartAsync(probe, q => q.UseSqlite(Path.Combine(_directory, "q.db")), o => o.CallTimeout = TimeSpan.FromSeconds(1));

        var handle = await host.Queue.EnqueueAsync<EngineTestService>(s => s.Block("forever", null!, default), new EnqueueOptions { MaxAttempts = 1 });

        await probe.Signal(probe.Cancelled, "forever").Task.WaitAsync(TimeSpan.FromSeconds(10));
        QueuedTaskInfo? task = null;
        for (var i = 0; i < 200 && task?.State != QueuedTaskState.Failed; i++)
        {
            await Task.Delay(50);
            task = await host.Queue.GetAsync(handle);
        }

        Assert.Equal(QueuedTaskState.Failed, task!.State);
        Assert.Contains("Timed out after 00:00:01", task.Reason);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
