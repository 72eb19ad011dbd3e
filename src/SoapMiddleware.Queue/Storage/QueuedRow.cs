namespace SoapMiddleware.Queue.Storage;

/// <summary>The computed columns of a new task: scheduled when its not-before time is in the future, else enqueued.</summary>
internal readonly record struct QueuedRow(QueuedTaskState State, long? NotBefore, long DueAt, string Reason)
{
    public static QueuedRow From(NewQueuedTask task, long now)
    {
        var notBefore = UnixTime.ToMs(task.NotBefore);
        return notBefore is { } at && at > now
            ? new QueuedRow(QueuedTaskState.Scheduled, at, at, TaskReasons.Scheduled(at))
            : new QueuedRow(QueuedTaskState.Enqueued, notBefore, now, TaskReasons.Enqueued);
    }
}
