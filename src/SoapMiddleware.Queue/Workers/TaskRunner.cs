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
    RetryPolicy retry,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Runs the task; returns whether it succeeded. <paramref name="record"/> receives a success for batching.</summary>
    public async Task<bool> RunAsync(WorkerSlot slot, HeldTask held, CancellationToken shutdown, Action<TaskCompletion> record)
    {
        var task = held.Task;
        var maxAttempts = task.Call.MaxAttempts;
        if (task.Attempt > maxAttempts)
        {
            await task.FailAsync(null, $"Gave up after {maxAttempts} attempts: the lease expired each time (the worker died while running it).", null).ConfigureAwait(false);
            return false;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        held.Cancellation = cancellation;
        if (held.Lost)
        {
            return false;
        }

        // The worker (not its process) reports progress and records the outcome, so the task names the worker the
        // workers API lists.
        task.WorkerId = slot.Id;
        var transport = new QueueRpcTransport(slot.Id, task.Delivery, maxAttempts, async (percent, message, token) =>
        {
            slot.Progress(percent, message);
            await task.ReportProgressAsync(percent, message, token).ConfigureAwait(false);
        });
        var call = task.Call;
        var outcome = await executor.ExecuteAsync(call.Payload, call.ContentType, call.Action, transport, call.TraceParent, cancellation.Token).ConfigureAwait(false);
        return await RecordAsync(held, outcome, shutdown, record).ConfigureAwait(false);
    }

    private async Task<bool> RecordAsync(HeldTask held, QueuedCallOutcome outcome, CancellationToken shutdown, Action<TaskCompletion> record)
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
                record(task.Completion(outcome.Response, outcome.ContentType));
                return true;
            case QueuedCallOutcomeKind.Cancelled when shutdown.IsCancellationRequested:
                await task.ReleaseAsync("Worker shut down while the task ran; put back").ConfigureAwait(false);
                return false;
            case QueuedCallOutcomeKind.Rejected:
                await task.FailAsync(outcome.Response, outcome.Reason!, null).ConfigureAwait(false);
                return false;
            default:
                if (task.Attempt < task.Call.MaxAttempts)
                {
                    var retryAt = time.GetUtcNow() + retry.DelayAfter(task.Attempt);
                    await task.FailAsync(outcome.Response, outcome.Reason!, retryAt).ConfigureAwait(false);
                }
                else
                {
                    await task.FailAsync(outcome.Response, $"Failed after {task.Attempt} attempts: {outcome.Reason}", null).ConfigureAwait(false);
                }

                return false;
        }
    }
}
