using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Workers;

/// <summary>
/// One worker loop's live state. Every change bumps <see cref="Version"/> and calls <paramref name="changed"/>, so the
/// <see cref="WorkerRowWriter"/> writes the row within a fraction of a second; the heartbeat writes it regularly too.
/// </summary>
internal sealed class WorkerSlot(string id, DateTimeOffset startedAt, Action? changed = null)
{
    private readonly object _gate = new();
    private WorkerState _state = WorkerState.Idle;
    private string? _current;
    private string? _operation;
    private int? _percent;
    private string? _message;
    private long _processed;
    private long _failed;
    private string? _last;
    private long _version;

    public string Id { get; } = id;

    /// <summary>Grows with every change of the row.</summary>
    public long Version => Interlocked.Read(ref _version);

    public void Start(FetchedTask task)
    {
        lock (_gate)
        {
            (_state, _current, _percent, _message) = (WorkerState.Processing, task.Handle, null, null);
            _operation = string.IsNullOrEmpty(task.Call.Operation) ? null : task.Call.Service + "." + task.Call.Operation;
        }

        Touch();
    }

    public void Progress(int percent, string? message)
    {
        lock (_gate)
        {
            (_percent, _message) = (percent, message);
        }

        Touch();
    }

    public void Finish(FetchedTask task, bool succeeded)
    {
        lock (_gate)
        {
            _state = WorkerState.Idle;
            _current = null;
            _operation = null;
            _last = task.Handle;
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

    public void Stop()
    {
        lock (_gate)
        {
            (_state, _current, _operation) = (WorkerState.Stopped, null, null);
        }

        Touch();
    }

    private void Touch()
    {
        Interlocked.Increment(ref _version);
        changed?.Invoke();
    }

    public WorkerStatus Snapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            return new WorkerStatus
            {
                WorkerId = Id,
                Host = Environment.MachineName,
                ProcessId = Environment.ProcessId,
                State = _state,
                CurrentTaskId = _current,
                CurrentOperation = _operation,
                ProgressPercent = _percent,
                ProgressMessage = _message,
                Processed = _processed,
                Failed = _failed,
                LastTaskId = _last,
                StartedAt = startedAt,
                HeartbeatAt = now,
            };
        }
    }
}
