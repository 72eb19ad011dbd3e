using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue;

/// <summary>The queue transport: which worker runs which task, and where its progress goes.</summary>
public sealed class QueueRpcTransport : RpcTransport
{
    private readonly Func<int, string?, CancellationToken, ValueTask> _progress;

    internal QueueRpcTransport(string workerId, DeliveredTask task, int maxAttempts, Func<int, string?, CancellationToken, ValueTask> progress)
        : this(TaskRowReader.EngineName, workerId, task.Handle, task.Attempt, maxAttempts, task.EnqueuedAt, task.Call.Queue, task.Call.EnqueuedBy, progress)
    {
    }

    /// <summary>The transport of one run of a task, for an engine that runs calls with <see cref="Execution.QueuedCallExecutor"/>.</summary>
    /// <param name="engine">The engine's name (<see cref="Engine.IQueueEngine.Name"/>).</param>
    /// <param name="workerId">The worker running the task.</param>
    /// <param name="taskId">The task's handle.</param>
    /// <param name="attempt">This attempt's number, from 1.</param>
    /// <param name="maxAttempts">The attempts allowed.</param>
    /// <param name="enqueuedAt">When the call was enqueued.</param>
    /// <param name="queue">The queue the task came from.</param>
    /// <param name="enqueuedBy">Who enqueued the call (the authenticated user's name), or null.</param>
    /// <param name="progress">Stores the progress the method reports (percent, message).</param>
    public QueueRpcTransport(string engine, string workerId, string taskId, int attempt, int maxAttempts, DateTimeOffset enqueuedAt, string queue, string? enqueuedBy, Func<int, string?, CancellationToken, ValueTask> progress)
    {
        EnqueuedBy = enqueuedBy;
        Engine = engine;
        WorkerId = workerId;
        TaskId = taskId;
        Attempt = attempt;
        MaxAttempts = maxAttempts;
        EnqueuedAt = enqueuedAt;
        Queue = queue;
        _progress = progress;
    }

    /// <inheritdoc />
    public override string Name => "queue";

    /// <summary>The engine running the task: <c>Builtin</c> or <c>Hangfire</c>.</summary>
    public string Engine { get; }

    /// <summary>The worker running the task (<c>host:pid:tag/n</c>, a Hangfire server's worker, or the subscriber's name).</summary>
    public string WorkerId { get; }

    /// <summary>The task's handle: whoever holds it may read the task's result, so keep it out of shared logs.</summary>
    public string TaskId { get; }

    /// <summary>The task's name for logs: the engine's own id (a row or Hangfire job id), without the handle's secret.</summary>
    public string TaskLabel => SoapMiddleware.Queue.Engine.TaskHandle.TryParse(TaskId, out string? id, out _) ? id : TaskId;

    /// <summary>This attempt's number, from 1.</summary>
    public int Attempt { get; }

    /// <summary>The attempts allowed.</summary>
    public int MaxAttempts { get; }

    /// <summary>When the call was enqueued.</summary>
    public DateTimeOffset EnqueuedAt { get; }

    /// <summary>The queue the task came from.</summary>
    public string Queue { get; }

    /// <summary>
    /// Who enqueued the call: the name of the user the enqueue endpoint authenticated (WS-Security, or any scheme of the
    /// app), or what the producer was given; <see langword="null"/> when it was anonymous.
    /// </summary>
    public string? EnqueuedBy { get; }

    /// <inheritdoc />
    public override ValueTask ReportProgressAsync(int percent, string? message, CancellationToken cancellationToken)
        => _progress(percent, message, cancellationToken);
}
