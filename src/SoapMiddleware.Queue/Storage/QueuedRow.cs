using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Queue.Storage;

/// <summary>The computed columns of a new task: scheduled when its not-before time is in the future, else enqueued.</summary>
/// <param name="State">The first state: <see cref="QueuedTaskState.Scheduled"/> or <see cref="QueuedTaskState.Enqueued"/>.</param>
/// <param name="NotBefore">The not-before time in unix milliseconds, or null.</param>
/// <param name="DueAt">When the task is first due, in unix milliseconds.</param>
/// <param name="Reason">The first history row's reason.</param>
public readonly record struct QueuedRow(QueuedTaskState State, long? NotBefore, long DueAt, string Reason)
{
    /// <summary>The columns of <paramref name="task"/> stored at <paramref name="now"/> (unix milliseconds); refuses a malformed secret.</summary>
    public static QueuedRow From(NewQueuedTask task, long now)
    {
        // The secret is the only thing that keeps a handle unguessable: refuse a weak or malformed one rather than
        // store a task anyone could name by counting ids.
        if (!IsSecret(task.Secret))
        {
            throw new ArgumentException($"A task secret must be {TaskHandle.SecretLength} lowercase hex digits.", nameof(task));
        }

        var notBefore = UnixTime.ToMs(task.Call.NotBefore);
        return notBefore is { } at && at > now
            ? new QueuedRow(QueuedTaskState.Scheduled, at, at, TaskReasons.Scheduled(at))
            : new QueuedRow(QueuedTaskState.Enqueued, notBefore, now, TaskReasons.Enqueued);
    }

    private static bool IsSecret(string? secret) =>
        secret is { Length: TaskHandle.SecretLength } && secret.All(char.IsAsciiHexDigitLower);
}
