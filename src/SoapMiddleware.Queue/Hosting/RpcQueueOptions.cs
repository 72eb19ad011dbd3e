using System.ComponentModel.DataAnnotations;

namespace SoapMiddleware.Queue;

/// <summary>
/// Options of the async queue: the delegate passed to <c>AddQueue</c> sets them in code, then the <c>Queue</c>
/// configuration section overrides what it names (appsettings, environment variables such as <c>Queue__Workers=8</c>,
/// the command line; a list it names replaces the code's list). Unless noted,
/// an option applies to both engines; the storage and the engine are chosen in code (<c>UseSqlite</c>,
/// <c>UsePostgreSql</c>, <c>UseHangfire</c>).
/// </summary>
public sealed class RpcQueueOptions
{
    /// <summary>The configuration section the options bind from unless the app chooses another (<c>AddQueue().BindConfiguration("...")</c>).</summary>
    public const string SectionName = "Queue";

    /// <summary>What this process does: serve HTTP and enqueue (<see cref="QueueRole.Web"/>), run workers, or both.</summary>
    public QueueRole Role { get; set; } = QueueRole.All;

    /// <summary>Worker loops in this process. Default 4.</summary>
    [Range(0, 256)]
    public int Workers { get; set; } = 4;

    /// <summary>The work queues these workers take tasks from. Default <c>["default"]</c>.</summary>
    public List<string> Queues { get; set; } = ["default"];

    /// <summary>The queue that calls go to when the producer names none. Default <c>default</c>.</summary>
    public string DefaultQueue { get; set; } = "default";

    /// <summary>
    /// How long a fetched task stays invisible to other workers. Running tasks renew it by heartbeat; when a worker
    /// dies, its task is delivered again once the lease expires. Default 30 s.
    /// </summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most tasks fetched beyond the idle workers, so fetches batch under load. The actual prefetch follows how long
    /// recent tasks ran (about 50 ms of work per worker): short tasks batch up to this many, tasks of a second or more
    /// are fetched only for idle workers. Default 64; 0 turns prefetching off.
    /// </summary>
    [Range(0, 1000)]
    public int Prefetch { get; set; } = 64;

    /// <summary>How often the built-in engine's workers look for due recurring calls. Default 1 s.</summary>
    public TimeSpan RecurringPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an idle worker waits for a wake-up before it polls anyway. Default 5 s (PostgreSQL wakes at once by NOTIFY).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A worker with no heartbeat for this long is marked dead and its tasks are released. Default: twice <see cref="LeaseTimeout"/>.</summary>
    public TimeSpan? DeadWorkerTimeout { get; set; }

    /// <summary>On shutdown, how long running tasks may finish before they are cancelled and put back. Default 30 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The protocol typed calls (<c>EnqueueAsync</c>, recurring calls) are stored in when the producer names none:
    /// <c>soap11</c> (the default), <c>soap12</c>, <c>json</c>, or an added protocol that implements
    /// <c>IRpcRequestWriter</c>. A stored call's result is written in its protocol. Unknown names fail the enqueue.
    /// </summary>
    [Required]
    public string Protocol { get; set; } = "soap11";

    /// <summary>Attempts before a task fails for good (when the producer sets none). Default 10, like Hangfire.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The delay before the first retry; each further retry doubles it (with ±25% jitter). Default 15 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest delay between retries. Default 1 hour.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Fan-out subscriptions run by this process: each named subscriber does every task of its queue, in order, and
    /// keeps its own cursor. A fan-out queue should not also be listed in <see cref="Queues"/>.
    /// </summary>
    public List<QueueSubscription> Subscriptions { get; set; } = [];

    /// <summary>
    /// How long Succeeded and Deleted tasks (and the rows of workers gone) are kept before a worker process deletes
    /// them with their history. Failed tasks are kept until a person acts. Default 1 day; zero or less keeps everything.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The longest a queued call may run; then its token is cancelled and the task fails for good with the reason
    /// "Timed out after ..., not retried", unless its operation allows a retry (<see cref="RetryOnTimeout"/>,
    /// <c>[RpcMethod(RetryOnTimeout = true)]</c>): then the attempt counts as a Server fault, retried per the engine's
    /// policy. Default 10 minutes; zero or less means no limit.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Operations (by name) whose timed-out calls are retried like a Server fault, besides those marked
    /// <c>[RpcMethod(RetryOnTimeout = true)]</c>. Empty by default: a timed-out call fails for good.
    /// </summary>
    public List<string> RetryOnTimeout { get; set; } = [];

    /// <summary>
    /// The most calls of an operation (by name, as in <c>Queue:Concurrency:Sleep=2</c>) that run at once; a call over
    /// its operation's limit stays queued without holding a worker, and other operations' calls run past it. The
    /// built-in engine counts across every process sharing the database; the Hangfire engine too (see docs/hangfire.md).
    /// An entry overrides <c>[RpcMethod(MaxConcurrency = ...)]</c>; 0 or less removes the operation's limit. Empty by default.
    /// </summary>
    public Dictionary<string, int> Concurrency { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The longest delay the HTTP enqueue endpoint accepts in <c>?delaySeconds=</c>. Default 30 days.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The largest request body the HTTP enqueue endpoint accepts. Default 4 MiB.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPayloadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The authorization policy protecting the management API. When empty (the default), only requests from the
    /// local machine are allowed.
    /// </summary>
    public string? ManagementPolicy { get; set; }

    internal TimeSpan EffectiveDeadWorkerTimeout => DeadWorkerTimeout ?? LeaseTimeout * 2;

    internal bool RunsWorkers => Role is QueueRole.All or QueueRole.Workers;
}
