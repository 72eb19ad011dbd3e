using Microsoft.Extensions.Logging;
using SoapMiddleware.Queue.Execution;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Workers;

/// <summary>
/// A fan-out subscriber (Spyne's <c>WorkerStatus</c> consumer): runs every task of its queue in id order through the
/// pipeline and moves its own cursor past each one. Tasks are not consumed, so every subscriber sees all of them.
/// A task that keeps failing is retried a few times with a short backoff, then logged and skipped, so one bad task
/// never stops the subscriber.
/// </summary>
internal sealed class SubscriptionLoop(
    QueueSubscription subscription,
    QueuedCallExecutor executor,
    IQueueStorage storage,
    RpcQueueOptions options,
    TimeProvider time,
    ILogger logger)
{
    private const int Attempts = 3;

    /// <summary>A short backoff (1 s, then 2 s): a subscriber runs its tasks in order, so a failing one holds up the rest.</summary>
    private readonly AttemptPolicy _policy = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    public async Task RunAsync(CancellationToken stop)
    {
        var queues = new[] { subscription.Queue };
        var cursor = await storage.Subscriptions.GetSubscriptionCursorAsync(subscription.Subscriber, subscription.Queue, stop).ConfigureAwait(false);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var tasks = await storage.Subscriptions.FetchForSubscriberAsync(subscription.Subscriber, subscription.Queue, cursor, 50, stop).ConfigureAwait(false);
                if (tasks.Count == 0)
                {
                    await storage.Queue.WaitForWorkAsync(queues, options.PollInterval, stop).ConfigureAwait(false);
                    continue;
                }

                foreach (var task in tasks)
                {
                    await RunWithRetriesAsync(task, stop).ConfigureAwait(false);
                    await storage.Subscriptions.AdvanceSubscriptionCursorAsync(subscription.Subscriber, subscription.Queue, task.Id, stop).ConfigureAwait(false);
                    cursor = task.Id;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                QueueLog.StorageFailed(logger, "subscription " + subscription.Subscriber, TimeSpan.FromSeconds(1), ex);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stop).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    private async Task RunWithRetriesAsync(DeliveredTask task, CancellationToken stop)
    {
        var call = task.Call;
        for (var attempt = 1; ; attempt++)
        {
            var transport = new QueueRpcTransport(subscription.Subscriber, task with { Attempt = attempt }, Attempts, (_, _, _) => ValueTask.CompletedTask);
            var outcome = await executor.ExecuteAsync(call.Payload, call.ContentType, call.Action, transport, call.TraceParent, stop).ConfigureAwait(false);
            stop.ThrowIfCancellationRequested();
            var kind = outcome.Kind == QueuedCallOutcomeKind.Cancelled ? QueuedCallOutcomeKind.Retryable : outcome.Kind;
            switch (AttemptPolicy.Decide(kind, attempt, Attempts))
            {
                case TaskOutcome.Succeeded:
                    return;
                case TaskOutcome.WillRetry:
                    await Task.Delay(_policy.DelayAfter(attempt), time, stop).ConfigureAwait(false);
                    break;
                default:
                    QueueLog.SubscriberSkipped(logger, subscription.Subscriber, task.Id, attempt, outcome.Reason ?? outcome.Kind.ToString());
                    return;
            }
        }
    }
}
