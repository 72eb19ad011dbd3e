using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.InMemory.Tests;

/// <summary>One stored task of <see cref="InMemoryQueueStorage"/>, changed only under its lock.</summary>
internal sealed class TaskRow(long id, string secret, QueuedCall call, DateTimeOffset createdAt)
{
    public long Id { get; } = id;

    public string Secret { get; } = secret;

    public QueuedCall Call { get; } = call;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public QueuedTaskState State { get; set; }

    public int Attempt { get; set; }

    public string? WorkerId { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? NotBefore { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int? ProgressPercent { get; set; }

    public string? ProgressMessage { get; set; }

    public string? Reason { get; set; }

    public TaskOutcome? Outcome { get; set; }

    public byte[]? Result { get; set; }

    public string? ResultContentType { get; set; }

    public byte[]? Fault { get; set; }

    public List<TaskHistoryEntry> History { get; } = [];

    /// <summary>The worker rule of the built-in storages: the task's worker, its process, or a worker of that process holds it.</summary>
    public bool HeldBy(string workerId)
        => State == QueuedTaskState.Processing && WorkerId is { } held
            && (held == workerId || workerId.StartsWith(held + "/", StringComparison.Ordinal) || held.StartsWith(workerId + "/", StringComparison.Ordinal));

    /// <summary>The more specific id (a worker, not its process) names the task from now on.</summary>
    public void NameWorker(string workerId)
    {
        if (WorkerId is null || workerId.Length > WorkerId.Length)
        {
            WorkerId = workerId;
        }
    }

    public void Record(DateTimeOffset at, QueuedTaskState state, string? workerId, string reason)
    {
        Reason = reason;
        History.Add(new TaskHistoryEntry(at, state, workerId, reason));
    }

    public DeliveredTask Delivery(bool leased) => new()
    {
        Id = Id,
        Handle = TaskHandle.Format(Id, Secret),
        Call = Call,
        Attempt = Attempt,
        EnqueuedAt = CreatedAt,
        LeaseUntil = leased ? LeaseUntil : null,
    };

    public QueuedTaskInfo Info(bool withBytes) => new()
    {
        Id = TaskHandle.Format(Id, Secret),
        Engine = TaskRowReader.EngineName,
        Display = Call.Display,
        Queue = Call.Queue,
        Service = Call.Service,
        Operation = Call.Operation,
        ContentType = Call.ContentType,
        Action = Call.Action,
        State = State,
        Attempt = Attempt,
        MaxAttempts = Call.MaxAttempts,
        IdempotencyKey = Call.IdempotencyKey,
        WorkerId = WorkerId,
        ProgressPercent = ProgressPercent,
        ProgressMessage = ProgressMessage,
        Reason = Reason,
        CreatedAt = CreatedAt,
        NotBefore = NotBefore,
        StartedAt = StartedAt,
        FinishedAt = FinishedAt,
        LeaseUntil = LeaseUntil,
        ResultContentType = ResultContentType,
        Outcome = Outcome,
        EnqueuedBy = Call.EnqueuedBy,
        Payload = withBytes ? Call.Payload : null,
        Result = withBytes ? Result : null,
        Fault = withBytes ? Fault : null,
    };
}
