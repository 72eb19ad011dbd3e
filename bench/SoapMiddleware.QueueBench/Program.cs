// Queue benchmark: end-to-end throughput of queued Add calls and idle pickup latency, beside a ceiling measured in
// the same run on the same database (a bare loop doing only the fetch-and-complete SQL, in batches).
// Usage: dotnet run -c Release --project bench/SoapMiddleware.QueueBench -- <sqlite|postgresql> <connection> [tasks] [workers]
using SoapMiddleware.QueueBench;

var provider = args.ElementAtOrDefault(0) ?? "sqlite";
var connection = args.ElementAtOrDefault(1) ?? Path.Combine(Path.GetTempPath(), "soapmw-queue-bench.db");
var tasks = int.Parse(args.ElementAtOrDefault(2) ?? "20000");
var workers = int.Parse(args.ElementAtOrDefault(3) ?? "4");

var batch = workers + new SoapMiddleware.Queue.RpcQueueOptions().Prefetch;
var ceiling = await Ceiling.RunAsync(() => Stores.Fresh(provider, connection, "ceiling"), tasks, workers, batch);
var (throughput, pickup) = await EndToEnd.RunAsync(() => Stores.Fresh(provider, connection, "e2e"), provider, tasks, workers);
Console.WriteLine($"| {provider} | {workers} | {tasks} | {ceiling:F0} | {throughput:F0} | {throughput / ceiling:P0} | {pickup.P50:F1} | {pickup.P99:F1} |");
