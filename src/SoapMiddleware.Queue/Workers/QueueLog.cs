using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Queue.Workers;

/// <summary>Queue log messages with stable event ids (5xx).</summary>
internal static partial class QueueLog
{
    [LoggerMessage(500, LogLevel.Information, "Queue workers started: {Workers} loops as {OwnerId} on queues {Queues}")]
    public static partial void Started(ILogger logger, int workers, string ownerId, string queues);

    [LoggerMessage(501, LogLevel.Information, "Queue workers stopping: {Running} running tasks get {Timeout} to finish")]
    public static partial void Stopping(ILogger logger, int running, TimeSpan timeout);

    [LoggerMessage(502, LogLevel.Warning, "Queue storage call failed in {Loop}; retrying in {Delay}")]
    public static partial void StorageFailed(ILogger logger, string loop, TimeSpan delay, Exception exception);

    [LoggerMessage(503, LogLevel.Information, "Task {TaskId} was deleted or its lease taken over; its result is discarded")]
    public static partial void ResultDiscarded(ILogger logger, long taskId);

    [LoggerMessage(504, LogLevel.Warning, "Marked {Count} workers dead (no heartbeat); their tasks are released")]
    public static partial void DeadWorkers(ILogger logger, int count);

    [LoggerMessage(505, LogLevel.Warning, "Subscriber {Subscriber} skips task {TaskId} after {Attempts} failed attempts: {Reason}")]
    public static partial void SubscriberSkipped(ILogger logger, string subscriber, long taskId, int attempts, string reason);

    [LoggerMessage(507, LogLevel.Information, "Deleted {Count} finished tasks older than {Retention} with their history")]
    public static partial void Purged(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(506, LogLevel.Warning, "Shutdown timeout passed: cancelling {Running} running tasks; they are put back in the queue")]
    public static partial void ShutdownCancelling(ILogger logger, int running);
}
