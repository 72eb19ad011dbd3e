using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Workers;

/// <summary>One worker loop's live state; the heartbeat writes it to the worker table for the dashboard.</summary>
internal sealed class WorkerSlot(string id, DateTimeOffset startedAt)
{
    private readonly object _gate = new();
    private WorkerState _state = WorkerState.Idle;
    private long? _current;
    private int? _percent;
    private string? _message;
    private long _processed;
    private long _failed;
    private long? _last;

    public string Id { get; } = id;

    public void Start(long taskId)
    {
        lock (_gate)
        {
            (_state, _current, _percent, _message) = (WorkerState.Processing, taskId, null, null);
        }
    }

    public void Progress(int percent, string? message)
    {
        lock (_gate)
        {
            (_percent, _message) = (percent, message);
        }
    }

    public void Finish(long taskId, bool succeeded)
    {
        lock (_gate)
        {
            _state = WorkerState.Idle;
            _current = null;
            _last = taskId;
            _processed++;
            if (!succeeded)
            {
                _failed++;
            }
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            (_state, _current) = (WorkerState.Stopped, null);
        }
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
