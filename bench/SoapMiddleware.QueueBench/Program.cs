// Queue benchmark: end-to-end throughput of queued Add calls and idle pickup latency.
//   <sqlite|postgresql> <connection> [tasks] [workers]      the built-in engine, beside a ceiling measured in the same run
//                                                            on the same database (bare loops doing only the fetch-and-complete SQL)
//   hangfire-engine <pg connection> [tasks] [workers] [opts] the Hangfire engine (IRpcQueue + UseHangfire) on Hangfire.PostgreSql
//   hangfire-raw <pg connection> [tasks] [workers] [opts]    raw Hangfire: Enqueue(() => NoOp.Run(i)), same storage options and server
//       opts: --poll-ms N (QueuePollInterval, 500) --long-polling --enqueuers N (4) --invisibility-s N (300) --no-sliding
//             --pickup N (200 samples) --cross-process-pickup N (also N samples enqueued by another process)
//             --emulate reads|write|params[,...] (raw only, for attribution: the job also makes the engine's per-job
//             storage calls, reads or reads + the write; params: enqueued with the engine's three job parameters)
//             --min-threads N (ThreadPool.SetMinThreads, for the starvation check)
//             --profile (SQL commands per job on stderr; slows the run: not for reported figures)
//   report <results.jsonl>                                   the table of a run (medians over rounds, ratios)
// Each measuring mode prints a line on stdout and, when $QUEUE_RESULTS names a file, appends its result to it as JSON.
// Usage: dotnet run -c Release --project bench/SoapMiddleware.QueueBench -- <mode> ...
using System.Text.Json;
using SoapMiddleware.QueueBench;

var mode = args.ElementAtOrDefault(0) ?? "sqlite";
if (mode == "report")
{
    Report.Print(args[1]);
    return;
}

if (mode == "hangfire-client")
{
    // The enqueuing process of --cross-process-pickup: hangfire-client <pg> <schema> <engine|raw> [storage opts]
    await HangfireBench.ClientAsync(args[3], args[1], args[2], HangfireSettings.Parse(1, args.Skip(4)));
    return;
}

var connection = args.ElementAtOrDefault(1) ?? Path.Combine(Path.GetTempPath(), "soapmw-queue-bench.db");
var hangfire = mode.StartsWith("hangfire-", StringComparison.Ordinal);
var tasks = int.Parse(args.ElementAtOrDefault(2) ?? (hangfire ? "2000" : "20000"));
var workers = int.Parse(args.ElementAtOrDefault(3) ?? "4");

BenchResult result;
if (hangfire)
{
    var settings = HangfireSettings.Parse(workers, args.Skip(4));
    result = await HangfireBench.RunAsync(mode["hangfire-".Length..], connection, tasks, settings);
}
else
{
    var batch = workers + new SoapMiddleware.Queue.RpcQueueOptions().Prefetch;
    var ceiling = await Ceiling.RunAsync(() => Stores.Fresh(mode, connection, "ceiling"), tasks, workers, batch);
    var (throughput, pickup) = await EndToEnd.RunAsync(() => Stores.Fresh(mode, connection, "e2e"), mode, tasks, workers);
    result = new BenchResult("built-in", mode == "postgresql" ? "PostgreSQL" : "SQLite", workers, tasks,
        null, null, throughput, ceiling, pickup.P50, pickup.P99, null, "batched enqueue (500), PollInterval=5s");
}

Console.WriteLine(result.Line());
if (Environment.GetEnvironmentVariable("QUEUE_RESULTS") is { Length: > 0 } file)
{
    File.AppendAllText(file, JsonSerializer.Serialize(result) + "\n");
}
