using SoapMiddleware.Queue;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// One Hangfire worker of this process, as far as our calls tell: what it runs, its progress, its counts. Hangfire keeps
/// no such thing (no idle workers, no per-worker counts), so <see cref="RpcJob"/> reports here and
/// <see cref="WorkerRecords"/> writes the changes. Every change bumps <see cref="Version"/>; the counts live only here,
/// which is right because a Hangfire worker (its id is a GUID per worker loop) never outlives its process.
/// </summary>
internal sealed class WorkerRecord(string serverId, string workerId, DateTimeOffset startedAt)
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

    /// <summary>Hangfire's server id (<c>host:pid:guid</c>).</summary>
    public string ServerId { get; } = serverId;

    /// <summary>Hangfire's worker id within the server (a GUID).</summary>
    public string WorkerId { get; } = workerId;

    public long Version => Interlocked.Read(ref _version);

    public void Start(string handle, string operation)
    {
        lock (_gate)
        {
            (_state, _task, _operation, _percent, _message) = (WorkerState.Processing, handle, operation, null, null);
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>Progress of <paramref name="handle"/>; ignored when the worker has moved on (a late report).</summary>
    public bool Progress(string handle, int percent, string? message)
    {
        lock (_gate)
        {
            if (_state != WorkerState.Processing || !string.Equals(_task, handle, StringComparison.Ordinal) || (_percent, _message) == (percent, message))
            {
                return false;
            }

            (_percent, _message) = (percent, message);
            Interlocked.Increment(ref _version);
            return true;
        }
    }

    /// <summary>The call ended: <paramref name="succeeded"/> counts it processed, anything else failed (as the built-in engine counts).</summary>
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

            Interlocked.Increment(ref _version);
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            (_state, _task, _operation, _percent, _message) = (WorkerState.Stopped, null, null, null, null);
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>The row as of now, and the version it shows.</summary>
    public (long Version, WorkerSnapshot Row) Snapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            return (_version, new WorkerSnapshot
            {
                State = _state,
                Task = _task,
                Operation = _operation,
                Percent = _percent,
                Message = _message,
                Processed = _processed,
                Failed = _failed,
                Last = _last,
                StartedAt = startedAt,
                Heartbeat = now,
            });
        }
    }
}
