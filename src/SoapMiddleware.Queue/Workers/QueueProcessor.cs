using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoapMiddleware.Queue.Builtin;
using SoapMiddleware.Queue.Execution;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Workers;

/// <summary>
/// The workers of one process (Hangfire's <c>BackgroundJobServer</c>, Spyne's Consumer): one fetch loop that leases
/// tasks for idle worker loops (plus a prefetch, so fetches batch under load), N worker loops, a
/// <see cref="WorkerHeartbeat"/> that renews leases and writes each worker's row, and a writer that records successes
/// in batches.
/// </summary>
internal sealed class QueueProcessor : BackgroundService
{
    private readonly QueueStorageHolder _holder;
    private readonly RpcQueueOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TaskRunner _runner;
    private readonly SubscriptionLoop[] _subscriptions;
    private readonly Channel<HeldTask> _ready = Channel.CreateUnbounded<HeldTask>();
    private readonly ConcurrentDictionary<long, HeldTask> _held = new();
    private readonly CompletionWriter _completions;
    private readonly SemaphoreSlim _capacityFreed = new(0);
    private readonly CancellationTokenSource _cancelRunning = new();
    private readonly WorkerActivity[] _slots;
    private readonly WorkerRowWriter? _rows;
    private readonly TaskDurations _durations = new();
    private readonly LimitedPlaces _places;
    private int _inFlight;
    private volatile bool _draining;

    public QueueProcessor(QueuedCallExecutor executor, QueueStorageHolder holder, IOptions<RpcQueueOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        _holder = holder;
        _options = options.Value;
        _time = time;
        _logger = loggers.CreateLogger("SoapMiddleware.Queue.Workers");
        OwnerId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
        _runner = new TaskRunner(executor, AttemptPolicy.From(_options), time, _logger);
        _places = new LimitedPlaces(executor.Limits.Concurrency);
        _completions = new CompletionWriter(holder.Storage.Queue, _logger, id =>
        {
            if (_held.TryRemove(id, out var done))
            {
                _places.Ended(done.Task);
            }
        });
        var now = time.GetUtcNow();
        _slots = Enumerable.Range(1, _options.Workers).Select(n => new WorkerActivity($"{OwnerId}/{n}", now, () => _rows?.Signal())).ToArray();
        _rows = new WorkerRowWriter(holder.Storage.Workers, _slots, time, _logger);
        _subscriptions = _options.Subscriptions
            .Select(s => new SubscriptionLoop(s, executor, holder.Storage, _options, time, _logger))
            .ToArray();
        holder.TaskDeleted += OnTaskDeleted;
    }

    /// <summary>The lease owner of every task this process fetches: <c>host:pid:tag</c>.</summary>
    public string OwnerId { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _holder.EnsureInitializedAsync(stoppingToken).ConfigureAwait(false);
        QueueLog.Started(_logger, _slots.Length, OwnerId, string.Join(",", _options.Queues));
        var workers = _slots.Select(slot => Task.Run(() => WorkerLoopAsync(slot))).ToArray();
        using var background = new CancellationTokenSource();
        var heartbeat = Task.Run(() => new WorkerHeartbeat(_holder.Storage.Workers, _options, _time, _logger).RunAsync(_held, _slots, background.Token));
        var writer = Task.Run(() => _completions.RunAsync(background.Token));
        var rows = Task.Run(() => _rows!.RunAsync(background.Token));
        var subscribers = _subscriptions.Select(s => Task.Run(() => s.RunAsync(stoppingToken))).ToArray();
        var cleaner = Task.Run(() => new RetentionCleaner(_holder.Storage.Tasks, _options, _time, _logger).RunAsync(background.Token));
        var recurring = Task.Run(() => new RecurringScheduler(_holder.Storage.Recurring, _time, _logger, _options.RecurringPollInterval).RunAsync(background.Token));
        if (_slots.Length > 0)
        {
            await FetchLoopAsync(stoppingToken).ConfigureAwait(false);
        }
        else
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }

        // Graceful shutdown: stop fetching, put back what has not started, let running tasks finish in time.
        _draining = true;
        _ready.Writer.TryComplete();
        QueueLog.Stopping(_logger, Volatile.Read(ref _inFlight), _options.ShutdownTimeout);
        var allWorkers = Task.WhenAll(workers);
        if (await Task.WhenAny(allWorkers, Task.Delay(_options.ShutdownTimeout, _time)).ConfigureAwait(false) != allWorkers)
        {
            QueueLog.ShutdownCancelling(_logger, Volatile.Read(ref _inFlight));
            await _cancelRunning.CancelAsync().ConfigureAwait(false);
            await allWorkers.ConfigureAwait(false);
        }

        await _completions.FlushAsync().ConfigureAwait(false);
        await background.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll([heartbeat, writer, rows, cleaner, recurring, .. subscribers]).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A background loop ended by cancellation instead of returning: it is stopping either way.
        }

        // Last, whatever happened above: every worker's row says Stopped, so no one mistakes it for an idle worker.
        foreach (var slot in _slots)
        {
            slot.Stop();
            await StorageCall.TryAsync(_logger, "worker row", () => _holder.Storage.Workers.HeartbeatWorkerAsync(slot.Snapshot(_time.GetUtcNow()))).ConfigureAwait(false);
        }
    }

    private async Task FetchLoopAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Fetch only once the buffer has drained and a worker is free (low-water mark), then fill up to
                // capacity in one statement. The prefetch shrinks as tasks grow longer (about 50 ms of work per
                // worker), so a long task never has others waiting behind it here while another process is idle.
                var inFlight = Volatile.Read(ref _inFlight);
                if (inFlight >= _slots.Length)
                {
                    await _capacityFreed.WaitAsync(stoppingToken).ConfigureAwait(false);
                    continue;
                }

                var prefetch = _durations.Prefetch(_slots.Length, _options.Prefetch);
                var want = _slots.Length + prefetch - inFlight;
                _places.Reset();
                var tasks = await _holder.Storage.Queue.FetchAsync(_options.Queues, OwnerId, want, _options.LeaseTimeout, _places.Concurrency, stoppingToken).ConfigureAwait(false);
                failures = 0;
                if (tasks.Count == 0)
                {
                    await _places.WaitAsync(_holder.Storage.Queue, _options.Queues, _options.PollInterval, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                foreach (var task in tasks)
                {
                    var held = new HeldTask(task);
                    _held[task.Id] = held;
                    Interlocked.Increment(ref _inFlight);
                    _ready.Writer.TryWrite(held);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures++)));
                QueueLog.StorageFailed(_logger, "fetch", delay, ex);
                await Task.Delay(delay, _time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    private async Task WorkerLoopAsync(WorkerActivity slot)
    {
        await foreach (var held in _ready.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var id = held.Task.Id;
            try
            {
                if (_draining)
                {
                    await StorageCall.TryAsync(_logger, "release", () => held.Task.ReleaseAsync("Worker shut down before the task started; put back")).ConfigureAwait(false);
                    _held.TryRemove(id, out _);
                    continue;
                }

                slot.Start(held.Task.Handle, OperationOf(held.Task));
                var began = Stopwatch.GetTimestamp();
                var succeeded = await _runner.RunAsync(slot, held, _cancelRunning.Token, _completions.Add).ConfigureAwait(false);
                _durations.Add(Stopwatch.GetElapsedTime(began));
                slot.Finish(held.Task.Handle, succeeded);
                if (!succeeded)
                {
                    _held.TryRemove(id, out _);
                    _places.Ended(held.Task);
                }
            }
            catch (Exception ex)
            {
                // Recording failed (storage down): keep nothing; the lease expires and the task runs again.
                QueueLog.StorageFailed(_logger, "worker", TimeSpan.Zero, ex);
                _held.TryRemove(id, out _);
                slot.Finish(held.Task.Handle, succeeded: false);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
                _capacityFreed.Release();
            }
        }
    }

    private void OnTaskDeleted(long id)
    {
        if (_held.TryGetValue(id, out var held))
        {
            held.Lose();
        }
    }

    public override void Dispose()
    {
        _holder.TaskDeleted -= OnTaskDeleted;
        _cancelRunning.Dispose();
        base.Dispose();
    }

    /// <summary><c>Service.Operation</c> of the task's call, as its worker's row shows it; null when the call names none.</summary>
    private static string? OperationOf(FetchedTask task)
        => string.IsNullOrEmpty(task.Call.Operation) ? null : task.Call.Service + "." + task.Call.Operation;
}
