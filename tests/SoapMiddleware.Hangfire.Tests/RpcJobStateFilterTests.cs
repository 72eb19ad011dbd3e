using Hangfire;
using Hangfire.States;
using SoapMiddleware.Hangfire.Tests.Infrastructure;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Hangfire.Tests;

/// <summary>
/// The state filter's fallback (what stops a retry when the job could not fail itself) and its queue routing, driven
/// through Hangfire's own state machine with the global filters (the tests' retry policy: 2 retries) and no server.
/// </summary>
public sealed class RpcJobStateFilterTests : IAsyncLifetime
{
    private HangfireTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = HangfireTestHost.Build(TestStorages.InMemory(), new QueueProbe(), runServer: false);
        await _host.StartAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private BackgroundJobClient Client => new(_host.Storage);

    private async Task<(string Handle, string JobId)> EnqueueAsync(EnqueueOptions? options = null)
    {
        var handle = await _host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(1, 2), options);
        TaskHandle.TryParse(handle, out string? jobId, out _);
        return (handle, jobId!);
    }

    private string? RetryCount(string jobId)
    {
        using var connection = _host.Storage.GetConnection();
        return connection.GetJobParameter(jobId, "RetryCount");
    }

    private void SetRetryCount(string jobId, int count)
    {
        using var connection = _host.Storage.GetConnection();
        connection.SetJobParameter(jobId, "RetryCount", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RejectedCall_FailsForGood_EvenWhenTheRetryPolicyWouldRetry()
    {
        var (handle, jobId) = await EnqueueAsync();
        Assert.True(Client.ChangeState(jobId, new FailedState(new RpcCallRejectedException("Client fault, not retried: nope")), null));

        var task = (await _host.Queue.GetAsync(handle))!;
        Assert.Equal(QueuedTaskState.Failed, task.State);
        Assert.Equal("Client fault, not retried: nope", task.Reason);
        Assert.Equal(1, task.Attempt);
        Assert.Equal("0", RetryCount(jobId));
    }

    [Fact]
    public async Task ServerFault_OnTheCallsLastAttempt_FailsForGood()
    {
        var (handle, jobId) = await EnqueueAsync(new EnqueueOptions { MaxAttempts = 2 });
        SetRetryCount(jobId, 1);
        Assert.True(Client.ChangeState(jobId, new FailedState(new RpcCallFailedException("Internal Error")), null));

        var task = (await _host.Queue.GetAsync(handle))!;
        Assert.Equal(QueuedTaskState.Failed, task.State);
        Assert.Equal("Failed after 2 attempt(s), the most this call allows: Internal Error", task.Reason);
        Assert.Equal((2, 2), (task.Attempt, task.MaxAttempts));
        Assert.Equal("1", RetryCount(jobId));
    }

    [Fact]
    public async Task ServerFault_WithAttemptsLeft_IsScheduledByTheRetryPolicy()
    {
        var (handle, jobId) = await EnqueueAsync();

        // ChangeState answers whether the state asked for was applied: the policy applied another.
        Assert.False(Client.ChangeState(jobId, new FailedState(new RpcCallFailedException("Internal Error")), null));

        var task = (await _host.Queue.GetAsync(handle))!;
        Assert.Equal(QueuedTaskState.Scheduled, task.State);
        Assert.StartsWith("Retry attempt 1 of 2", task.Reason);
        Assert.Equal(1, task.Attempt);
    }

    [Fact]
    public async Task ServerFault_WhenThePolicyGivesUp_SaysHowManyAttempts()
    {
        var (handle, jobId) = await EnqueueAsync();
        SetRetryCount(jobId, HangfireTestGlobals.RetryAttempts);
        Assert.True(Client.ChangeState(jobId, new FailedState(new RpcCallFailedException("Internal Error")), null));

        var task = (await _host.Queue.GetAsync(handle))!;
        Assert.Equal(QueuedTaskState.Failed, task.State);
        Assert.Equal("Failed after 3 attempt(s): Internal Error", task.Reason);
    }

    [Fact]
    public async Task Requeue_GoesToTheCallsOwnQueue()
    {
        var (handle, jobId) = await EnqueueAsync(new EnqueueOptions { Queue = "other" });
        Assert.True(Client.ChangeState(jobId, new DeletedState(), null));
        Assert.True(Client.Requeue(jobId));

        var details = _host.Storage.GetMonitoringApi().JobDetails(jobId);
        Assert.All(details.History.Where(h => h.StateName == "Enqueued"), h => Assert.Equal("other", h.Data["Queue"]));
        Assert.Equal(QueuedTaskState.Enqueued, (await _host.Queue.GetAsync(handle))!.State);
    }

    [Fact]
    public async Task QueueNames_HangfireRefuses_AreRefusedBeforeAnythingIsStored()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _host.Queue.EnqueueAsync<QueueTestService>(s => s.Add(1, 2), new EnqueueOptions { Queue = "Reports" }));
        Assert.Contains("Hangfire queue name", error.Message);
        Assert.Empty(await _host.Monitor.ListAsync(null, null, 0, 10));
    }
}
