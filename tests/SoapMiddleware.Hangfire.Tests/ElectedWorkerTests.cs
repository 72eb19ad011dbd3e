namespace SoapMiddleware.Hangfire.Tests;

/// <summary>
/// The worker elected for a job travels to the job's run without a storage read: in the execution context that elected
/// it (and tasks started from there, as Hangfire starts an async job), for that job only.
/// </summary>
public sealed class ElectedWorkerTests
{
    [Fact]
    public async Task Remembered_ReachesATaskStartedAfterwards_ForThatJobOnly()
    {
        ElectedWorker.Remember("41", "server-1", "worker-a");

        var (found, server, worker) = await Task.Factory.StartNew(() =>
        {
            var ok = ElectedWorker.TryGet("41", out var s, out var w);
            return (ok, s, w);
        }, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);

        Assert.True(found);
        Assert.Equal("server-1", server);
        Assert.Equal("worker-a", worker);
        Assert.False(ElectedWorker.TryGet("42", out _, out _));
    }

    [Fact]
    public async Task NotRemembered_InAnotherExecutionContext()
    {
        await Task.Run(() => ElectedWorker.Remember("7", "server-1", "worker-b"));

        Assert.False(ElectedWorker.TryGet("7", out _, out _));
    }
}
