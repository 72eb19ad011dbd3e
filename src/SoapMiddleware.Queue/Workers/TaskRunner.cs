using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Workers;

/// <summary>
/// Runs one fetched task through the same pipeline as an HTTP call, then records the outcome. The checkpoints that
/// make delivery at-least-once: nothing is recorded before the method returns, and if recording fails the lease
/// simply expires and the task runs again.
/// </summary>
internal sealed class TaskRunner(
    RpcApplication application,
    IQueueStorage storage,
    IServiceScopeFactory scopes,
    RetryPolicy retry,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Runs the task; returns whether it succeeded. <paramref name="record"/> receives a success for batching.</summary>
    public async Task<bool> RunAsync(string ownerId, WorkerSlot slot, HeldTask held, CancellationToken shutdown, Action<TaskCompletion> record)
    {
        var task = held.Task;
        if (task.Attempt > task.MaxAttempts)
        {
            await storage.FailAsync(task.Id, ownerId, null, $"Gave up after {task.MaxAttempts} attempts: the lease expired each time (the worker died while running it).", null).ConfigureAwait(false);
            return false;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        held.Cancellation = cancellation;
        if (held.Lost)
        {
            return false;
        }

        await using var scope = scopes.CreateAsyncScope();
        var transport = new QueueRpcTransport(slot.Id, task, async (percent, message, token) =>
        {
            slot.Progress(percent, message);
            await storage.ReportProgressAsync(task.Id, ownerId, percent, message, token).ConfigureAwait(false);
        });
        var context = application.CreateContext(transport, scope.ServiceProvider, task.Payload, task.ContentType, task.Action, cancellation.Token);
        var pipeline = application.Pipeline;
        await pipeline.RunAsync(context).ConfigureAwait(false);
        var succeeded = await RecordAsync(ownerId, held, context, shutdown, record).ConfigureAwait(false);
        await pipeline.CloseAsync(context).ConfigureAwait(false);
        return succeeded;
    }

    private async Task<bool> RecordAsync(string ownerId, HeldTask held, MethodContext context, CancellationToken shutdown, Action<TaskCompletion> record)
    {
        var task = held.Task;
        if (held.Lost)
        {
            QueueLog.ResultDiscarded(logger, task.Id);
            return false;
        }

        if (context.Error is null)
        {
            record(new TaskCompletion(task.Id, ownerId, context.OutString.ToArray(), context.OutContentType));
            return true;
        }

        if (shutdown.IsCancellationRequested && context.Error is OperationCanceledException)
        {
            await storage.ReleaseAsync(task.Id, ownerId, "Worker shut down while the task ran; put back").ConfigureAwait(false);
            return false;
        }

        var fault = context.OutString.ToArray();
        if (context.InError is not null)
        {
            await storage.FailAsync(task.Id, ownerId, fault, $"Payload rejected, not retried: {context.InError.Message}", null).ConfigureAwait(false);
        }
        else if (context.OutError is RpcFault { Code: RpcFaultCode.Client } clientFault)
        {
            await storage.FailAsync(task.Id, ownerId, fault, $"Client fault, not retried: {clientFault.Message}", null).ConfigureAwait(false);
        }
        else if (task.Attempt < task.MaxAttempts)
        {
            var retryAt = time.GetUtcNow() + retry.DelayAfter(task.Attempt);
            await storage.FailAsync(task.Id, ownerId, fault, context.OutError!.Message, retryAt).ConfigureAwait(false);
        }
        else
        {
            await storage.FailAsync(task.Id, ownerId, fault, $"Failed after {task.Attempt} attempts: {context.OutError!.Message}", null).ConfigureAwait(false);
        }

        return false;
    }
}
