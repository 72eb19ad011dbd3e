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
    AttemptPolicy attempts,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Runs the task; returns whether it succeeded. <paramref name="record"/> receives a success for batching.</summary>
    public async Task<bool> RunAsync(WorkerActivity slot, HeldTask held, CancellationToken shutdown, Action<TaskCompletion> record)
    {
        var task = held.Task;
        var maxAttempts = task.Call.MaxAttempts;
        if (task.Attempt > maxAttempts)
        {
            await task.FailAsync(TaskOutcome.Failed, null, AttemptPolicy.LeaseExpiredEveryTime(maxAttempts), null).ConfigureAwait(false);
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
        task.WorkerId = slot.WorkerId;
        var transport = new QueueRpcTransport(slot.WorkerId, task.Delivery, maxAttempts, async (percent, message, token) =>
        {
            slot.Progress(task.Handle, percent, message);
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

        // A call cancelled by anything but this worker's shutdown (its own token) failed like a Server fault.
        var kind = outcome.Kind == QueuedCallOutcomeKind.Cancelled && !shutdown.IsCancellationRequested ? QueuedCallOutcomeKind.Retryable : outcome.Kind;
        switch (AttemptPolicy.Decide(kind, task.Attempt, task.Call.MaxAttempts))
        {
            case TaskOutcome.Succeeded:
                record(task.Completion(outcome.Response, outcome.ContentType));
                return true;
            case TaskOutcome.Cancelled:
                await task.ReleaseAsync("Worker shut down while the task ran; put back").ConfigureAwait(false);
                return false;
            case TaskOutcome.Rejected:
                await task.FailAsync(TaskOutcome.Rejected, outcome.Response, outcome.Reason!, null).ConfigureAwait(false);
                return false;
            case TaskOutcome.Failed when kind == QueuedCallOutcomeKind.TimedOut:
                await task.FailAsync(TaskOutcome.Failed, outcome.Response, outcome.Reason!, null).ConfigureAwait(false);
                return false;
            case TaskOutcome.WillRetry:
                var retryAt = time.GetUtcNow() + attempts.DelayAfter(task.Attempt);
                await task.FailAsync(TaskOutcome.WillRetry, outcome.Response, outcome.Reason!, retryAt).ConfigureAwait(false);
                return false;
            default:
                await task.FailAsync(TaskOutcome.Failed, outcome.Response, AttemptPolicy.Exhausted(task.Attempt, outcome.Reason), null).ConfigureAwait(false);
                return false;
        }
    }
}
