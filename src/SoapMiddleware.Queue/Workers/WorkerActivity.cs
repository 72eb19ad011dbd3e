namespace SoapMiddleware.Queue.Workers;

/// <summary>
/// The live state of one queue worker in this process: what it runs, the progress that call reported, its counts. Both
/// engines keep one per worker and write <see cref="Snapshot"/> as the worker's row, so a row means the same on either.
/// Every change bumps <see cref="Version"/> (a writer compares it to skip unchanged rows) and calls the
/// <c>changed</c> callback given to the constructor. Thread-safe.
/// </summary>
/// <param name="workerId">The worker's id, as its row shows it.</param>
/// <param name="startedAt">When the worker started.</param>
/// <param name="changed">Called after every change (for example to wake the row writer); may be null.</param>
public sealed class WorkerActivity(string workerId, DateTimeOffset startedAt, Action? changed = null)
{
    private readonly Lock _gate = new();
    private WorkerState _state = WorkerState.Idle;
    private string? _task;
    private string? _operation;
    private int? _percent;
    private string? _message;
    private long _processed;
    private long _failed;
    private string? _last;
    private long _version;

    /// <summary>The worker's id, as its row shows it.</summary>
    public string WorkerId { get; } = workerId;

    /// <summary>When the worker started.</summary>
    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>Grows with every change; read it before <see cref="Snapshot"/> so a change in between is written again, never lost.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The worker took the call <paramref name="handle"/> of <paramref name="operation"/> (<c>Service.Operation</c>).</summary>
    public void Start(string handle, string? operation)
    {
        lock (_gate)
        {
            (_state, _task, _operation, _percent, _message) = (WorkerState.Processing, handle, operation, null, null);
        }

        Touch();
    }

    /// <summary>Progress of <paramref name="handle"/>; false (and ignored) when the worker has moved on (a late report) or nothing changed.</summary>
    public bool Progress(string handle, int percent, string? message)
    {
        lock (_gate)
        {
            if (_state != WorkerState.Processing || !string.Equals(_task, handle, StringComparison.Ordinal) || (_percent, _message) == (percent, message))
            {
                return false;
            }

            (_percent, _message) = (percent, message);
        }

        Touch();
        return true;
    }

    /// <summary>The call <paramref name="handle"/> ended: <paramref name="succeeded"/> counts it processed, anything else failed.</summary>
    public void Finish(string handle, bool succeeded)
    {
        lock (_gate)
        {
            if (_state == WorkerState.Processing)
            {
                _state = WorkerState.Idle;
            }

            (_task, _operation, _percent, _message, _last) = (null, null, null, null, handle);
            if (succeeded)
            {
                _processed++;
            }
            else
            {
                _failed++;
            }
        }

        Touch();
    }

    /// <summary>The worker stopped gracefully.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            (_state, _task, _operation, _percent, _message) = (WorkerState.Stopped, null, null, null, null);
        }

        Touch();
    }

    /// <summary>The worker's row as of <paramref name="now"/> (its heartbeat), on this machine and process.</summary>
    public WorkerStatus Snapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            return new WorkerStatus
            {
                WorkerId = WorkerId,
                Host = Environment.MachineName,
                ProcessId = Environment.ProcessId,
                State = _state,
                CurrentTaskId = _task,
                CurrentOperation = _operation,
                ProgressPercent = _percent,
                ProgressMessage = _message,
                Processed = _processed,
                Failed = _failed,
                LastTaskId = _last,
                StartedAt = StartedAt,
                HeartbeatAt = now,
            };
        }
    }

    private void Touch()
    {
        Interlocked.Increment(ref _version);
        changed?.Invoke();
    }
}
