using System.Diagnostics;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Hosting;
using SoapMiddleware.Client.Wsdl;
using SoapMiddleware.Client.Wsdl.Caching;

namespace SoapMiddleware.Bench.Client;

/// <summary>
/// <c>wsdl-timing CORPUS CACHE_DIR</c>: how long the importer takes on the corpus's two biggest WSDLs (e-conomic:
/// 3,022 operations; Workday: 4 MB, 2,264 types): the first import in this process (cold: JIT included; parsed when
/// CACHE_DIR has no entry yet, else read from it), a parse with no cache, a read from the disk cache by a cache with
/// nothing in memory, and a memory hit; medians of 5, wall and processor time. Run it twice on one CACHE_DIR: the
/// second process's first import is the cold read from disk. Each has a "client" row beside it: the same import and
/// then the mapping of its first SOAP port to a client's description (<c>RpcClient.FromWsdl</c>), which is what
/// <c>RpcClient.FromWsdlAsync</c> does before the first call; the cold one adds the first mapping in the process.
/// </summary>
internal static class WsdlTiming
{
    private static readonly string[] Files = ["wasabi/spec/fixtures/economic.wsdl", "wasabi/spec/fixtures/workday.wsdl"];

    public static async Task RunAsync(string[] args)
    {
        var corpus = args.Length > 0 ? args[0] : throw new ArgumentException("usage: wsdl-timing CORPUS CACHE_DIR");
        var cacheDirectory = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "soapmw-wsdl-timing");
        foreach (var file in Files)
        {
            var location = new Uri(Path.Combine(corpus, file));
            var folder = new WsdlDescriptionCache(new WsdlCacheOptions { Directory = cacheDirectory }).UserDirectory!;
            var entries = Directory.GetFiles(folder).Length;
            WsdlDescription? imported = null;
            var cold = await TimeAsync(async () => imported = await ImportAsync(location, new WsdlDescriptionCache(new WsdlCacheOptions { Directory = cacheDirectory })));
            var firstMapping = await TimeAsync(() => Task.FromResult(ClientOf(imported!)));
            var fromDisk = Directory.GetFiles(folder).Length == entries;
            var description = await ImportAsync(location, null);
            var parse = await MedianAsync(() => ImportAsync(location, null));
            var parseClient = await MedianAsync(async () => ClientOf(await ImportAsync(location, null)));
            var diskHit = await MedianAsync(() => ImportAsync(location, new WsdlDescriptionCache(new WsdlCacheOptions { Directory = cacheDirectory })));
            var diskClient = await MedianAsync(async () => ClientOf(await ImportAsync(location, new WsdlDescriptionCache(new WsdlCacheOptions { Directory = cacheDirectory }))));
            var memory = new WsdlDescriptionCache();
            await ImportAsync(location, memory);
            var memoryHit = await MedianAsync(() => ImportAsync(location, memory));
            var memoryClient = await MedianAsync(async () => ClientOf(await ImportAsync(location, memory)));
            var operations = description.Services.SelectMany(s => s.Ports).Max(p => p.Operations.Count);
            var client = ClientOf(description);
            Console.WriteLine($"{file}: {operations} operations (largest port), {description.Schemas.Types.Count} types, {new FileInfo(location.LocalPath).Length / 1024} KiB; "
                + $"client: {client.Description.Operations.Count()} operations, {client.Warnings.Count - description.Warnings.Count} mapping warnings");
            Console.WriteLine($"  cold (first in process, {(fromDisk ? "from the disk cache" : "parsed")}): {cold}");
            Console.WriteLine($"  client, cold (the cold import, then the {(file == Files[0] ? "first mapping in process" : "mapping")}): {cold + firstMapping}");
            Console.WriteLine($"  parse, no cache (median of 5): {parse}");
            Console.WriteLine($"  client, parse + mapping (median of 5): {parseClient}");
            Console.WriteLine($"  disk cache hit, nothing in memory (median of 5): {diskHit}");
            Console.WriteLine($"  client, disk cache hit + mapping (median of 5): {diskClient}");
            Console.WriteLine($"  memory cache hit (median of 5): {memoryHit}");
            Console.WriteLine($"  client, memory cache hit + mapping (median of 5; FromWsdlAsync's default cache): {memoryClient}");
        }
    }

    private static Task<WsdlDescription> ImportAsync(Uri location, WsdlDescriptionCache? cache) =>
        new WsdlImporter(new WsdlImportOptions { Cache = cache }).ImportAsync(location);

    // What FromWsdlAsync does after the import: the first SOAP port mapped to a description, and its protocol built.
    private static RpcClient ClientOf(WsdlDescription description) =>
        RpcClient.FromWsdl(description, new RpcClientOptions { Address = new Uri("http://127.0.0.1/unused") });

    private static async Task<Timing> TimeAsync(Func<Task> action)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await action();
        return new Timing(clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static async Task<Timing> MedianAsync(Func<Task> action)
    {
        var timings = new List<Timing>();
        for (var i = 0; i < 5; i++)
        {
            timings.Add(await TimeAsync(action));
        }

        return new Timing(timings.Select(t => t.Wall).Order().ElementAt(2), timings.Select(t => t.Processor).Order().ElementAt(2));
    }

    private readonly record struct Timing(TimeSpan Wall, TimeSpan Processor)
    {
        public static Timing operator +(Timing a, Timing b) => new(a.Wall + b.Wall, a.Processor + b.Processor);

        public override string ToString() => $"{Wall.TotalMilliseconds:F1} ms wall, {Processor.TotalMilliseconds:F1} ms processor";
    }
}
