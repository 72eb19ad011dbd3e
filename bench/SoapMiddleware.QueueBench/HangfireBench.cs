using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Server;
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
    string Emulate = "")
{
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
        $"UseSlidingInvisibilityTimeout={SlidingInvisibility} enqueuers={Enqueuers}{(Emulate == "" ? "" : " emulate=" + Emulate)}");
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
    /// Attribution only (hangfire-raw --emulate reads|write): the no-op plus the storage calls the Hangfire engine's job
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
        var armed = false;

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
                .AddService<CalculatorService>()
                .ConfigureEvents(e => e.AddListener(RpcEventNames.MethodCall, ctx =>
                {
                    if (Volatile.Read(ref armed) && ctx.Transport is QueueRpcTransport queue)
                    {
                        started.TryAdd(queue.TaskId, Stopwatch.GetTimestamp());
                    }
                }))
                .AddQueue(o => o.Workers = settings.Workers)
                .UseHangfire();
        }

        // The same server options for both: the worker count, queues and shutdown timeout UseRpcQueueOptions maps.
        builder.Services.AddHangfireServer((sp, o) => o.UseRpcQueueOptions(
            engine ? sp.GetRequiredService<IOptions<RpcQueueOptions>>().Value : new RpcQueueOptions { Workers = settings.Workers }));

        await using var app = builder.Build();
        Func<int, Task<string>> enqueue;
        if (engine)
        {
            var queue = app.Services.GetRequiredService<IRpcQueue>();
            enqueue = i => queue.EnqueueAsync<CalculatorService>(s => s.Add(i, 1));
        }
        else
        {
            var client = app.Services.GetRequiredService<IBackgroundJobClient>();
            var write = settings.Emulate switch
            {
                "" => (bool?)null,
                "reads" => false,
                "write" => true,
                var other => throw new ArgumentException($"--emulate takes reads or write, not {other}"),
            };
            enqueue = i =>
            {
                if (write is { } w)
                {
                    client.Enqueue(() => NoOp.RunWithEngineCalls(i, w, null));
                }
                else
                {
                    client.Enqueue(() => NoOp.Run(i));
                }

                return Task.FromResult(i.ToString(CultureInfo.InvariantCulture));
            };
        }

        var storage = app.Services.GetRequiredService<JobStorage>();
        var monitoring = storage.GetMonitoringApi();
        using var profiler = settings.Profile ? new SqlProfiler() : null;
        var cpu = new CpuClock();

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
        profiler?.Report($"{subject}: drain phase, per job", tasks);

        // (3) End to end: enqueue while the workers run, until all Succeeded.
        var endToEndClock = Stopwatch.StartNew();
        await EnqueueAsync(enqueue, tasks, tasks, settings.Enqueuers);
        var loadedEnqueueRate = tasks / endToEndClock.Elapsed.TotalSeconds;
        await WaitForSucceededAsync(monitoring, 2 * tasks);
        var endToEnd = tasks / endToEndClock.Elapsed.TotalSeconds;

        // (4) Pickup with idle workers.
        profiler?.Dispose();
        Volatile.Write(ref armed, true);
        NoOp.Armed = true;
        var pickup = await PickupAsync(enqueue, engine ? started : NoOp.Started, settings.PickupSamples);

        await app.StopAsync();
        await DropSchemaAsync(connection, schema);

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# hangfire-{subject}: enqueue {enqueueRate:F0}/s ({enqueueCpu:F2} ms CPU/call), drain {drainRate:F0}/s ({drainCpu:F2} ms CPU/job), " +
            $"enqueue under load {loadedEnqueueRate:F0}/s, end to end {endToEnd:F0}/s, pickup p50 {pickup.P50:F1} ms p99 {pickup.P99:F1} ms " +
            $"(enqueue call alone p50 {pickup.EnqueueP50:F1} ms); {settings.Describe()}"));
        return new BenchResult(
            engine ? "Hangfire engine" : settings.Emulate == "" ? "raw Hangfire" : "raw Hangfire + engine's " + settings.Emulate, "Hangfire.PostgreSql", settings.Workers, tasks,
            enqueueRate, drainRate, endToEnd, null, pickup.P50, pickup.P99, drainCpu, settings.Describe());
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

    private static async Task WaitForSucceededAsync(global::Hangfire.Storage.IMonitoringApi monitoring, long count)
    {
        while (monitoring.SucceededListCount() < count)
        {
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
            long at;
            var deadline = Stopwatch.StartNew();
            while (!started.TryGetValue(key, out at))
            {
                if (deadline.Elapsed > TimeSpan.FromMinutes(2))
                {
                    throw new TimeoutException($"pickup sample {i} never started");
                }

                await Task.Delay(1);
            }

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

/// <summary>CPU time of this process (all threads) over a phase.</summary>
internal sealed class CpuClock
{
    private TimeSpan _start;

    public void Start() => _start = Process.GetCurrentProcess().TotalProcessorTime;

    public double MillisecondsPer(int count) => (Process.GetCurrentProcess().TotalProcessorTime - _start).TotalMilliseconds / count;
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
