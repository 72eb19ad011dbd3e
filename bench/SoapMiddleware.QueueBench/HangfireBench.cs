using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SampleApp.Services;
using SoapMiddleware.Queue;

namespace SoapMiddleware.QueueBench;

/// <summary>Settings of a Hangfire subject; both subjects of a run get the same ones.</summary>
internal sealed record HangfireSettings(
    int Workers,
    int Enqueuers,
    TimeSpan QueuePollInterval,
    bool LongPolling,
    TimeSpan InvisibilityTimeout,
    bool SlidingInvisibility,
    int PickupSamples,
    bool Profile,
    string Emulate = "",
    int CrossProcessSamples = 0,
    int MinThreads = 0)
{
    /// <summary>The storage options as arguments, for the enqueuing child process of the cross-process pickup.</summary>
    public IEnumerable<string> StorageArgs()
    {
        yield return "--poll-ms";
        yield return ((int)QueuePollInterval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        yield return "--invisibility-s";
        yield return ((int)InvisibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        if (LongPolling)
        {
            yield return "--long-polling";
        }

        if (!SlidingInvisibility)
        {
            yield return "--no-sliding";
        }
    }

    public static HangfireSettings Parse(int workers, IEnumerable<string> args)
    {
        var settings = new HangfireSettings(workers, 4, TimeSpan.FromMilliseconds(500), false, TimeSpan.FromMinutes(5), true, 200, false);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            string Next() => e.MoveNext() ? e.Current : throw new ArgumentException($"{e.Current} needs a value");
            settings = e.Current switch
            {
                "--enqueuers" => settings with { Enqueuers = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--poll-ms" => settings with { QueuePollInterval = TimeSpan.FromMilliseconds(int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--long-polling" => settings with { LongPolling = true },
                "--invisibility-s" => settings with { InvisibilityTimeout = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--no-sliding" => settings with { SlidingInvisibility = false },
                "--pickup" => settings with { PickupSamples = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--profile" => settings with { Profile = true },
                "--emulate" => settings with { Emulate = Next() },
                "--min-threads" => settings with { MinThreads = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--cross-process-pickup" => settings with { CrossProcessSamples = int.Parse(Next(), CultureInfo.InvariantCulture) },
                var other => throw new ArgumentException($"unknown option {other}"),
            };
        }

        return settings;
    }

    /// <summary>The one PostgreSqlStorageOptions both Hangfire subjects use (only the schema differs).</summary>
    public PostgreSqlStorageOptions StorageOptions(string schema) => new()
    {
        SchemaName = schema,
        PrepareSchemaIfNecessary = true,
        QueuePollInterval = QueuePollInterval,
        EnableLongPolling = LongPolling,
        InvisibilityTimeout = InvisibilityTimeout,
        UseSlidingInvisibilityTimeout = SlidingInvisibility,
    };

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"QueuePollInterval={QueuePollInterval.TotalMilliseconds:F0}ms EnableLongPolling={LongPolling} InvisibilityTimeout={InvisibilityTimeout.TotalSeconds:F0}s " +
        $"UseSlidingInvisibilityTimeout={SlidingInvisibility} enqueuers={Enqueuers}{(Emulate == "" ? "" : " emulate=" + Emulate)}{(MinThreads == 0 ? "" : " min-threads=" + MinThreads)}");
}

/// <summary>The raw Hangfire subject's job: nothing but a timestamp when the pickup measurement listens.</summary>
public static class NoOp
{
    internal static volatile bool Armed;
    internal static readonly ConcurrentDictionary<string, long> Started = new(StringComparer.Ordinal);

    public static void Run(int i)
    {
        if (Armed)
        {
            Started.TryAdd(i.ToString(CultureInfo.InvariantCulture), Stopwatch.GetTimestamp());
        }
    }

    /// <summary>
    /// Attribution only (hangfire-raw --emulate reads|write[,params]): the no-op plus the storage calls the Hangfire engine's job
    /// makes around the call on Hangfire.PostgreSql (3 parameter reads and the state read; with "write", the result-type
    /// parameter write on a connection of its own).
    /// </summary>
    public static void RunWithEngineCalls(int i, bool write, PerformContext? context)
    {
        Run(i);
        var id = context!.BackgroundJob.Id;
        context.Connection.GetJobParameter(id, "soapmw-secret");
        context.Connection.GetJobParameter(id, "RetryCount");
        context.Connection.GetStateData(id);
        using var connection = context.Storage.GetConnection();
        connection.GetJobParameter(id, "soapmw-progress");
        if (write)
        {
            connection.SetJobParameter(id, "soapmw-result-type", "text/xml; charset=utf-8");
        }
    }
}

/// <summary>
/// The Hangfire subjects on Hangfire.PostgreSql, each in a fresh schema (run each in its own process: Hangfire's
/// configuration is process-wide). <c>engine</c>: the real <see cref="IRpcQueue"/> through <c>UseHangfire()</c>, the
/// sample CalculatorService's Add; <c>raw</c>: <c>Enqueue(() => NoOp.Run(i))</c> with the same storage options and server.
/// Phases: (1) enqueue N with the server not started (enqueue/s); (2) start the host, time until all N Succeeded
/// (drain/s); (3) with the server running, enqueue N more and time from the first enqueue until all 2N Succeeded
/// (end-to-end calls/s, the figure compared); (4) pickup: with idle workers, one call at a time, enqueue → job start.
/// </summary>
internal static class HangfireBench
{
    public static async Task<BenchResult> RunAsync(string subject, string connection, int tasks, HangfireSettings settings)
    {
        var engine = subject == "engine";
        var schema = "bench_hf_" + subject + "_" + Guid.NewGuid().ToString("N")[..8];
        var started = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var armed = new StrongBox<bool>();
        if (settings.MinThreads > 0)
        {
            ThreadPool.GetMinThreads(out _, out var io);
            ThreadPool.SetMinThreads(settings.MinThreads, io);
        }

        await using var app = BuildHost(engine, connection, schema, settings, server: true, started, armed);
        var enqueue = Enqueuer(engine, app, settings);
        var storage = app.Services.GetRequiredService<JobStorage>();
        var monitoring = storage.GetMonitoringApi();
        using var profiler = settings.Profile ? new SqlProfiler() : null;
        var cpu = new CpuClock(connection);

        // (1) Enqueue only: the server is not started yet.
        profiler?.Reset();
        cpu.Start();
        var enqueueClock = Stopwatch.StartNew();
        await EnqueueAsync(enqueue, 0, tasks, settings.Enqueuers);
        var enqueueRate = tasks / enqueueClock.Elapsed.TotalSeconds;
        var enqueueCpu = cpu.MillisecondsPer(tasks);
        profiler?.Report($"{subject}: enqueue phase, per call", tasks);

        // (2) Drain the backlog.
        profiler?.Reset();
        cpu.Start();
        var drainClock = Stopwatch.StartNew();
        await app.StartAsync();
        await WaitForSucceededAsync(monitoring, tasks);
        var drainRate = tasks / drainClock.Elapsed.TotalSeconds;
        var drainCpu = cpu.MillisecondsPer(tasks);
        var drainPgCpu = cpu.PostgresMillisecondsPer(tasks);
        profiler?.Report($"{subject}: drain phase, per job", tasks);

        // (3) End to end: enqueue while the workers run, until all Succeeded.
        var endToEndClock = Stopwatch.StartNew();
        await EnqueueAsync(enqueue, tasks, tasks, settings.Enqueuers);
        var loadedEnqueueRate = tasks / endToEndClock.Elapsed.TotalSeconds;
        await WaitForSucceededAsync(monitoring, 2 * tasks);
        var endToEnd = tasks / endToEndClock.Elapsed.TotalSeconds;

        // (4) Pickup with idle workers: enqueued in this process (Hangfire.PostgreSql wakes this process's workers in
        // memory), then, if asked, from another process (the workers see the job when they poll, or by LISTEN/NOTIFY).
        profiler?.Dispose();
        armed.Value = true;
        NoOp.Armed = true;
        var pickup = await PickupAsync(enqueue, engine ? started : NoOp.Started, settings.PickupSamples);
        (double P50, double P99)? remote = settings.CrossProcessSamples > 0
            ? await CrossProcessPickupAsync(subject, connection, schema, settings, engine ? started : NoOp.Started)
            : null;

        await app.StopAsync();
        await DropSchemaAsync(connection, schema);

        var remoteText = remote is { } r
            ? string.Create(CultureInfo.InvariantCulture, $", cross-process pickup p50 {r.P50:F1} ms p99 {r.P99:F1} ms")
            : "";
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# hangfire-{subject}: enqueue {enqueueRate:F0}/s ({enqueueCpu:F2} ms CPU/call), drain {drainRate:F0}/s ({drainCpu:F2} ms CPU/job here, {drainPgCpu:F2} ms in PostgreSQL), " +
            $"enqueue under load {loadedEnqueueRate:F0}/s, end to end {endToEnd:F0}/s, pickup p50 {pickup.P50:F1} ms p99 {pickup.P99:F1} ms " +
            $"(enqueue call alone p50 {pickup.EnqueueP50:F1} ms){remoteText}; GCs gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, heap {GC.GetTotalMemory(false) / 1_048_576} MB; thread pool at most {_maxPoolThreads} threads, {_maxPoolQueue} queued; {settings.Describe()}"));
        return new BenchResult(
            engine ? "Hangfire engine" : settings.Emulate == "" ? "raw Hangfire" : "raw Hangfire + engine's " + settings.Emulate,
            "Hangfire.PostgreSql", settings.Workers, tasks,
            enqueueRate, drainRate, endToEnd, null, pickup.P50, pickup.P99, drainCpu, settings.Describe())
        {
            PostgresCpuMsPerJob = double.IsNaN(drainPgCpu) ? null : drainPgCpu,
            CrossProcessP50 = remote?.P50,
            CrossProcessP99 = remote?.P99,
        };
    }

    /// <summary>
    /// The enqueuing side of the cross-process pickup, in a process of its own (no Hangfire server): reads a number per
    /// line on stdin, enqueues that call, writes "key timestamp" (Stopwatch ticks taken before the enqueue; the monotonic
    /// clock is the machine's, so the parent can compare) on stdout.
    /// </summary>
    public static async Task ClientAsync(string subject, string connection, string schema, HangfireSettings settings)
    {
        var engine = subject == "engine";
        await using var app = BuildHost(engine, connection, schema, settings, server: false, new(), new());
        var enqueue = Enqueuer(engine, app, settings);
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var i = int.Parse(line, CultureInfo.InvariantCulture);
            var before = Stopwatch.GetTimestamp();
            var key = await enqueue(i);
            Console.WriteLine($"{key} {before.ToString(CultureInfo.InvariantCulture)}");
            Console.Out.Flush();
        }
    }

    /// <summary>The subject's host: Hangfire on Hangfire.PostgreSql as the sample wires it, plus the engine when measured.</summary>
    private static WebApplication BuildHost(bool engine, string connection, string schema, HangfireSettings settings, bool server,
        ConcurrentDictionary<string, long> started, StrongBox<bool> armed)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connection), settings.StorageOptions(schema)));
        if (engine)
        {
            builder.Services.AddRpc(o => o.Namespace = "http://example.com/calc")
                .WithoutConfiguration()   // the bench sets every option: no appsettings.json of the working directory overrides them
                .AddService<CalculatorService>()
                .ConfigureEvents(e => e.AddListener(RpcEventNames.MethodCall, ctx =>
                {
                    if (Volatile.Read(ref armed.Value) && ctx.Transport is QueueRpcTransport queue)
                    {
                        started.TryAdd(queue.TaskId, Stopwatch.GetTimestamp());
                    }
                }))
                .AddQueue(o =>
                {
                    o.Workers = settings.Workers;
                    o.Role = server ? QueueRole.All : QueueRole.Web;
                })
                .WithoutConfiguration()
                .UseHangfire();
        }

        if (server)
        {
            // The same server options for both: the worker count, queues and shutdown timeout UseRpcQueueOptions maps.
            builder.Services.AddHangfireServer((sp, o) => o.UseRpcQueueOptions(
                engine ? sp.GetRequiredService<IOptions<RpcQueueOptions>>().Value : new RpcQueueOptions { Workers = settings.Workers }));
        }

        return builder.Build();
    }

    /// <summary>Enqueues call <c>i</c>; returns the key its start is recorded under (the handle, or <c>i</c> for raw jobs).</summary>
    private static Func<int, Task<string>> Enqueuer(bool engine, WebApplication app, HangfireSettings settings)
    {
        if (engine)
        {
            var queue = app.Services.GetRequiredService<IRpcQueue>();
            return i => queue.EnqueueAsync<CalculatorService>(s => s.Add(i, 1));
        }

        var client = (IBackgroundJobClientV2)app.Services.GetRequiredService<IBackgroundJobClient>();
        var emulate = settings.Emulate.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (emulate.Except(["reads", "write", "params"]).FirstOrDefault() is { } unknown)
        {
            throw new ArgumentException($"--emulate takes reads, write, params (comma-separated), not {unknown}");
        }

        bool? write = emulate.Contains("write") ? true : emulate.Contains("reads") ? false : null;
        var parameters = emulate.Contains("params");
        return i =>
        {
            Job job = write is { } w ? Job.FromExpression(() => NoOp.RunWithEngineCalls(i, w, null)) : Job.FromExpression(() => NoOp.Run(i));
            if (parameters)
            {
                // The three parameters the engine writes with each job, in the same creation transaction.
                client.Create(job, new EnqueuedState(), new Dictionary<string, object>
                {
                    ["soapmw-secret"] = "Xy3kP0qLm9Tt2VbN8cRw4A",
                    ["soapmw-display"] = string.Create(CultureInfo.InvariantCulture, $"CalculatorService.Add({i}, 1)"),
                    ["soapmw-max-attempts"] = 11,
                });
            }
            else
            {
                client.Create(job, new EnqueuedState());
            }

            return Task.FromResult(i.ToString(CultureInfo.InvariantCulture));
        };
    }

    private static async Task<(double P50, double P99)> CrossProcessPickupAsync(
        string subject, string connection, string schema, HangfireSettings settings, ConcurrentDictionary<string, long> started)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { typeof(HangfireBench).Assembly.Location, "hangfire-client", connection, schema, subject }.Concat(settings.StorageArgs()))
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        var latencies = new List<double>();
        var gaps = new Random(42);
        const int warmUp = 3;
        for (var n = 0; n < warmUp + settings.CrossProcessSamples; n++)
        {
            await child.StandardInput.WriteLineAsync((2_000_000 + n).ToString(CultureInfo.InvariantCulture));
            await child.StandardInput.FlushAsync();
            var reply = (await child.StandardOutput.ReadLineAsync())?.Split(' ') ?? throw new InvalidOperationException("the enqueuing process ended");
            var before = long.Parse(reply[1], CultureInfo.InvariantCulture);
            var at = await StartedAsync(started, reply[0], TimeSpan.FromMinutes(2));
            if (n >= warmUp)
            {
                latencies.Add((at - before) * 1000.0 / Stopwatch.Frequency);
            }

            // A gap anywhere in a poll period: the next call finds the workers at any point of their wait, not just
            // back from the last job (a worker fetches once more right after finishing one).
            await Task.Delay(20 + gaps.Next((int)settings.QueuePollInterval.TotalMilliseconds + 1));
        }

        child.StandardInput.Close();
        await child.WaitForExitAsync();
        latencies.Sort();
        return (latencies[latencies.Count / 2], latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1]);
    }

    private static async Task<long> StartedAsync(ConcurrentDictionary<string, long> started, string key, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        long at;
        while (!started.TryGetValue(key, out at))
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"call {key} never started");
            }

            await Task.Delay(1);
        }

        return at;
    }

    private static async Task EnqueueAsync(Func<int, Task<string>> enqueue, int from, int count, int enqueuers)
    {
        var next = from - 1;
        var end = from + count;
        await Task.WhenAll(Enumerable.Range(0, enqueuers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < end)
            {
                await enqueue(i);
            }
        })));
    }

    /// <summary>The most thread-pool threads and queued work items seen while waiting (starvation shows as a queue).</summary>
    private static int _maxPoolThreads;
    private static long _maxPoolQueue;

    /// <summary>Waits until <paramref name="count"/> jobs are Succeeded; fails when none more succeeds for 2 minutes.</summary>
    private static async Task WaitForSucceededAsync(global::Hangfire.Storage.IMonitoringApi monitoring, long count)
    {
        long last = -1;
        var stalled = Stopwatch.StartNew();
        long succeeded;
        while ((succeeded = monitoring.SucceededListCount()) < count)
        {
            if (succeeded != last)
            {
                last = succeeded;
                stalled.Restart();
            }
            else if (stalled.Elapsed > TimeSpan.FromMinutes(2))
            {
                var stats = monitoring.GetStatistics();
                throw new TimeoutException(
                    $"{succeeded} of {count} jobs Succeeded and none more for 2 minutes (enqueued {stats.Enqueued}, processing {stats.Processing}, failed {stats.Failed})");
            }

            _maxPoolThreads = Math.Max(_maxPoolThreads, ThreadPool.ThreadCount);
            _maxPoolQueue = Math.Max(_maxPoolQueue, ThreadPool.PendingWorkItemCount);
            await Task.Delay(100);
        }
    }

    private static async Task<(double P50, double P99, double EnqueueP50)> PickupAsync(
        Func<int, Task<string>> enqueue, ConcurrentDictionary<string, long> started, int samples)
    {
        var latencies = new List<double>();
        var enqueueTimes = new List<double>();
        await Task.Delay(1000);
        for (var i = 0; i < samples; i++)
        {
            var before = Stopwatch.GetTimestamp();
            var key = await enqueue(1_000_000 + i);
            enqueueTimes.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
            var at = await StartedAsync(started, key, TimeSpan.FromMinutes(2));
            latencies.Add(Stopwatch.GetElapsedTime(before, at).TotalMilliseconds);
            await Task.Delay(20);
        }

        latencies.Sort();
        enqueueTimes.Sort();
        return (latencies[latencies.Count / 2], latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1], enqueueTimes[enqueueTimes.Count / 2]);
    }

    private static async Task DropSchemaAsync(string connection, string schema)
    {
        await using var admin = new NpgsqlConnection(connection);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>CPU time of this process (all threads) over a phase, and of the PostgreSQL server it talks to when that runs here.</summary>
internal sealed class CpuClock(string connection)
{
    private readonly int? _postmaster = FindPostmaster(new NpgsqlConnectionStringBuilder(connection).Port);
    private TimeSpan _start;
    private double _pgStart;

    public void Start()
    {
        _start = Process.GetCurrentProcess().TotalProcessorTime;
        _pgStart = PostgresMilliseconds();
    }

    public double MillisecondsPer(int count) => (Process.GetCurrentProcess().TotalProcessorTime - _start).TotalMilliseconds / count;

    /// <summary>CPU of the postmaster's backends per job over the phase, or NaN when the server is not a local process.</summary>
    public double PostgresMillisecondsPer(int count) => _postmaster is null ? double.NaN : (PostgresMilliseconds() - _pgStart) / count;

    /// <summary>utime + stime of the postmaster and its children (the backends; pooled, so they live through the phase).</summary>
    private double PostgresMilliseconds()
    {
        if (_postmaster is not { } root)
        {
            return 0;
        }

        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || Stat(pid) is not { } stat)
            {
                continue;
            }

            if (pid == root || stat.Parent == root)
            {
                ticks += stat.Ticks;
            }
        }

        return ticks * 10; // USER_HZ = 100 on Linux
    }

    private static (int Parent, double Ticks)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            // After the name: state(0) ppid(1) ... utime(11) stime(12)
            return (int.Parse(fields[1], CultureInfo.InvariantCulture),
                double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static int? FindPostmaster(int port)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid))
                {
                    continue;
                }

                var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var p = Array.IndexOf(args, "-p");
                if (args.Length > 0 && args[0].EndsWith("/postgres", StringComparison.Ordinal) && p >= 0 && p + 1 < args.Length
                    && args[p + 1] == port.ToString(CultureInfo.InvariantCulture))
                {
                    return pid;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }

        return null;
    }
}

/// <summary>
/// Every SQL command Npgsql runs in this process (its "Npgsql" ActivitySource), grouped by statement text: how many per
/// job and how long they took. Costs time itself: only with --profile, never for the reported figures.
/// </summary>
internal sealed class SqlProfiler : IDisposable
{
    private readonly ActivityListener _listener;
    private ConcurrentDictionary<string, (long Count, double Milliseconds)> _statements = new();

    public SqlProfiler()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
                var key = Normalize(text);
                _statements.AddOrUpdate(key, (1, activity.Duration.TotalMilliseconds),
                    (_, v) => (v.Count + 1, v.Milliseconds + activity.Duration.TotalMilliseconds));
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Reset() => _statements = new();

    public void Report(string title, int jobs)
    {
        var rows = _statements.OrderByDescending(s => s.Value.Count).ToList();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"## {title}: {rows.Sum(r => r.Value.Count) / (double)jobs:F2} commands, {rows.Sum(r => r.Value.Milliseconds) / jobs:F2} ms in commands"));
        foreach (var (text, (count, ms)) in rows)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count / (double)jobs,6:F2} x {ms / Math.Max(count, 1),6:F2} ms  {text}"));
        }
    }

    public void Dispose() => _listener.Dispose();

    private static string Normalize(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > 160 ? flat[..160] + "…" : flat;
    }
}
