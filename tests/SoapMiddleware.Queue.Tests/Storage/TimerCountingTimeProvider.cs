namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>
/// A clock that forwards to another (the test's <c>FakeTimeProvider</c>) and counts its timers that are armed and
/// neither fired nor disposed: a loop parked in <c>Task.Delay</c> holds one, so a test can tell when every loop it
/// woke by moving the clock is parked again. The fake clock itself has no such count.
/// </summary>
internal sealed class TimerCountingTimeProvider(TimeProvider inner) : TimeProvider
{
    private int _pending;

    /// <summary>Timers armed and not yet fired (once) or disposed.</summary>
    public int PendingTimers => Volatile.Read(ref _pending);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new CountedTimer(this, callback, state);
        timer.Start(inner, dueTime, period);
        return timer;
    }

    private sealed class CountedTimer(TimerCountingTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private readonly Lock _gate = new();
        private ITimer? _inner;
        private bool _armed;
        private bool _periodic;

        public void Start(TimeProvider clock, TimeSpan dueTime, TimeSpan period)
        {
            _inner = clock.CreateTimer(static self => ((CountedTimer)self!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Change(dueTime, period);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            // Counted before the fake clock may fire it, within this very call, for a due time already passed.
            Arm(dueTime != Timeout.InfiniteTimeSpan, period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero);
            return _inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            Arm(false, false);
            _inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void Fire()
        {
            if (!_periodic)
            {
                Arm(false, false);
            }

            callback(state);
        }

        private void Arm(bool armed, bool periodic)
        {
            lock (_gate)
            {
                if (armed != _armed)
                {
                    Interlocked.Add(ref owner._pending, armed ? 1 : -1);
                }

                (_armed, _periodic) = (armed, periodic);
            }
        }
    }
}
