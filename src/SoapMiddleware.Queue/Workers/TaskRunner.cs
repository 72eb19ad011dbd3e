using Microsoft.Extensions.Logging;
using SoapMiddleware.Queue.Execution;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Workers;

/// <summary>
/// Runs one fetched task through the executor (the same pipeline as an HTTP call), then records the outcome. The
/// checkpoints that make delivery at-least-once: nothing is recorded before the method returns, and if recording fails
/// the lease simply expires and the task runs again.
/// </summary>
internal sealed class TaskRunner(
    QueuedCallExecutor executor,
    IQueueStorage storage,
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

        var transport = new QueueRpcTransport(slot.Id, task, async (percent, message, token) =>
        {
            slot.Progress(percent, message);
            await storage.ReportProgressAsync(task.Id, slot.Id, percent, message, token).ConfigureAwait(false);
        });
        var outcome = await executor.ExecuteAsync(task.Payload, task.ContentType, task.Action, transport, task.TraceParent, cancellation.Token).ConfigureAwait(false);
        // The worker (not its process) records the outcome, so the task names the worker the workers API lists.
        return await RecordAsync(slot.Id, held, outcome, shutdown, record).ConfigureAwait(false);
    }

    private async Task<bool> RecordAsync(string workerId, HeldTask held, QueuedCallOutcome outcome, CancellationToken shutdown, Action<TaskCompletion> record)
    {
        var task = held.Task;
        if (held.Lost)
        {
            QueueLog.ResultDiscarded(logger, task.Id);
            return false;
        }

        switch (outcome.Kind)
        {
            case QueuedCallOutcomeKind.Succeeded:
                record(new TaskCompletion(task.Id, workerId, outcome.Response, outcome.ContentType));
                return true;
            case QueuedCallOutcomeKind.Cancelled when shutdown.IsCancellationRequested:
                await storage.ReleaseAsync(task.Id, workerId, "Worker shut down while the task ran; put back").ConfigureAwait(false);
                return false;
            case QueuedCallOutcomeKind.Rejected:
                await storage.FailAsync(task.Id, workerId, outcome.Response, outcome.Reason!, null).ConfigureAwait(false);
                return false;
            default:
                if (task.Attempt < task.MaxAttempts)
                {
                    var retryAt = time.GetUtcNow() + retry.DelayAfter(task.Attempt);
                    await storage.FailAsync(task.Id, workerId, outcome.Response, outcome.Reason!, retryAt).ConfigureAwait(false);
                }
                else
                {
                    await storage.FailAsync(task.Id, workerId, outcome.Response, $"Failed after {task.Attempt} attempts: {outcome.Reason}", null).ConfigureAwait(false);
                }

                return false;
        }
    }
}
