using System.Diagnostics;

namespace SoapMiddleware.Bench;

/// <summary>
/// A Stopwatch micro-loop through the pipeline in-process (no sockets, no Kestrel): N calls of one operation, each with
/// its own DI scope and context, as <see cref="RpcHttpHandler"/> makes them. Prints ns/call and bytes allocated/call
/// for the whole call, then per pipeline stage, then per protocol step, so the top costs show.
/// Every call here completes synchronously, so GC.GetAllocatedBytesForCurrentThread sees all of its allocations.
/// </summary>
internal static class MicroLoop
{
    private static readonly string[] Steps =
    [
        "scope + DefaultHttpContext + CreateContext",
        "events (all fires, incl. CallObserver)",
        "read request, no tree (CreateInDocument)",
        "decompose envelope + route (raise faults)",
        "deserialize (arguments, typed headers)",
        "call-wrapper chain + method",
        "serialize -> XDocument (Serialize)",
        "XDocument -> bytes (CreateOutString)",
        "scope dispose",
    ];

    public static async Task RunAsync(string[] args)
    {
        var wrapped = args.Length > 0 && args[0] == "wrapped";
        var operation = args.Length > 1 ? args[1] : "echo";
        var n = args.Length > 2 ? int.Parse(args[2]) : 200_000;
        var pipeline = InProcessPipeline.Create(wrapped);
        var (body, _, error) = await pipeline.CallAsync(operation);
        if (error is not null)
        {
            throw new InvalidOperationException($"'{operation}' faulted: {error.Message}", error);
        }

        Console.WriteLine($"micro {(wrapped ? "wrapped" : "bare")} {operation}: N={n}, response {body.Length} B, server GC {System.Runtime.GCSettings.IsServerGC}");

        // Warm up long enough for tiered compilation (and dynamic PGO) to reach tier 1 before anything is measured.
        await WholeCallsAsync(pipeline, operation, Math.Max(n / 4, 50_000), print: false);
        await Task.Delay(500);
        await WholeCallsAsync(pipeline, operation, n, print: true);
        await StagesAsync(pipeline, operation, n);
        await StepsAsync(pipeline, operation, n);
    }

    private static async Task WholeCallsAsync(InProcessPipeline host, string operation, int n, bool print)
    {
        var app = host.Application;
        var pipeline = app.Pipeline;
        var http = new DefaultHttpContext();
        var thread = Environment.CurrentManagedThreadId;
        var gen0 = GC.CollectionCount(0);
        var bytes = GC.GetAllocatedBytesForCurrentThread();

        // CPU time of the whole process (GC threads included): on a busy machine, wall time also counts the time
        // this thread waited for a core, CPU time does not.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i++)
        {
            await using var scope = host.Host.Services.CreateAsyncScope();
            http.RequestServices = scope.ServiceProvider;
            var context = host.CreateContext(http, scope.ServiceProvider, operation);
            await pipeline.Events.FireAsync(RpcEventNames.HttpCall, context);
            await pipeline.GetInObject(context);
            await pipeline.GetOutObject(context);
            await pipeline.GetOutString(context);
            await pipeline.Events.FireAsync(RpcEventNames.HttpReturn, context);
            await pipeline.CloseAsync(context);
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var cpuElapsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
        if (print)
        {
            Console.WriteLine($"whole call: {elapsed.TotalNanoseconds / n,8:0} ns/call {allocated / (double)n,8:0} B/call  ({n / elapsed.TotalSeconds:0} calls/s on one thread, {GC.CollectionCount(0) - gen0} gen0 GCs{(thread == Environment.CurrentManagedThreadId ? "" : ", WARNING: thread changed")})");
            Console.WriteLine($"            {cpuElapsed.TotalNanoseconds / n,8:0} ns/call of process CPU time (all threads)");
        }
    }

    private static async Task StagesAsync(InProcessPipeline host, string operation, int n)
    {
        string[] names = ["scope + context", "GetInObject", "GetOutObject", "GetOutString", "CloseAsync + http events", "scope dispose"];
        var ticks = new long[names.Length];
        var bytes = new long[names.Length];
        var app = host.Application;
        var pipeline = app.Pipeline;
        var http = new DefaultHttpContext();
        for (var i = 0; i < n; i++)
        {
            var stage = 0;
            var t = Stopwatch.GetTimestamp();
            var b = GC.GetAllocatedBytesForCurrentThread();
            void Mark(ref int s)
            {
                var nt = Stopwatch.GetTimestamp();
                var nb = GC.GetAllocatedBytesForCurrentThread();
                ticks[s] += nt - t;
                bytes[s] += nb - b;
                s++;
                t = Stopwatch.GetTimestamp();
                b = GC.GetAllocatedBytesForCurrentThread();
            }

            var scope = host.Host.Services.CreateAsyncScope();
            http.RequestServices = scope.ServiceProvider;
            var context = host.CreateContext(http, scope.ServiceProvider, operation);
            Mark(ref stage);
            await pipeline.Events.FireAsync(RpcEventNames.HttpCall, context);
            await pipeline.GetInObject(context);
            Mark(ref stage);
            await pipeline.GetOutObject(context);
            Mark(ref stage);
            await pipeline.GetOutString(context);
            Mark(ref stage);
            await pipeline.Events.FireAsync(RpcEventNames.HttpReturn, context);
            await pipeline.CloseAsync(context);
            Mark(ref stage);
            await scope.DisposeAsync();
            Mark(ref stage);
        }

        Print("pipeline stages", names, ticks, bytes, n);
    }

    private static async Task StepsAsync(InProcessPipeline host, string operation, int n)
    {
        var ticks = new long[Steps.Length];
        var bytes = new long[Steps.Length];
        var app = host.Application;
        var events = app.Pipeline.Events;
        var http = new DefaultHttpContext();
        long t = 0, b = 0;
        void Start()
        {
            t = Stopwatch.GetTimestamp();
            b = GC.GetAllocatedBytesForCurrentThread();
        }

        void Stop(int step)
        {
            var nt = Stopwatch.GetTimestamp();
            var nb = GC.GetAllocatedBytesForCurrentThread();
            ticks[step] += nt - t;
            bytes[step] += nb - b;
        }

        for (var i = 0; i < n; i++)
        {
            Start();
            var scope = host.Host.Services.CreateAsyncScope();
            http.RequestServices = scope.ServiceProvider;
            var context = host.CreateContext(http, scope.ServiceProvider, operation);
            var protocol = context.InProtocol!;
            Stop(0);
            Start();
            await events.FireAsync(RpcEventNames.HttpCall, context);
            await events.FireAsync(RpcEventNames.MethodContextCreated, context);
            Stop(1);
            Start();
            protocol.CreateInDocument(context);
            Stop(2);
            Start();
            protocol.DecomposeIncomingEnvelope(context);
            Stop(3);
            Start();
            await events.FireAsync(RpcEventNames.BeforeDeserialize, context);
            Stop(1);
            Start();
            protocol.Deserialize(context);
            Stop(4);
            Start();
            await events.FireAsync(RpcEventNames.AfterDeserialize, context);
            await events.FireAsync(RpcEventNames.MethodCall, context);
            Stop(1);
            Start();
            context.OutObject = await context.Operation!.Chain.InvokeAsync(context);
            Stop(5);
            Start();
            await events.FireAsync(RpcEventNames.MethodReturnObject, context);
            await events.FireAsync(RpcEventNames.BeforeSerialize, context);
            Stop(1);
            Start();
            protocol.Serialize(context);
            Stop(6);
            Start();
            await events.FireAsync(RpcEventNames.AfterSerialize, context);
            await events.FireAsync(RpcEventNames.MethodReturnDocument, context);
            Stop(1);
            Start();
            protocol.CreateOutString(context);
            Stop(7);
            Start();
            await events.FireAsync(RpcEventNames.MethodReturnString, context);
            await events.FireAsync(RpcEventNames.HttpReturn, context);
            await events.FireAsync(RpcEventNames.MethodContextClosed, context);
            Stop(1);
            Start();
            await scope.DisposeAsync();
            Stop(8);
        }

        Print("protocol steps (sum of fires for events)", Steps, ticks, bytes, n);
        if (operation != InProcessPipeline.JsonEcho)
        {
            // JSON writes its bytes directly and has no response tree to compare with.
            await OutputWriterCostsAsync(host, operation, n);
        }
    }

    /// <summary>
    /// Splits the cost of CreateOutString for one response document: the same XDocument saved the way the protocol
    /// saves it (MemoryStream(1024), growing), into a stream already as large as the response, and through
    /// XmlWriter to a no-op stream (the writer's own work). Run on the document of one real call.
    /// </summary>
    private static async Task OutputWriterCostsAsync(InProcessPipeline host, string operation, int n)
    {
        var app = host.Application;
        await using var scope = host.Host.Services.CreateAsyncScope();
        var context = host.CreateContext(new DefaultHttpContext { RequestServices = scope.ServiceProvider }, scope.ServiceProvider, operation);
        await app.Pipeline.GetInObject(context);
        await app.Pipeline.GetOutObject(context);
        await app.Pipeline.GetOutString(context);
        if (context.OutDocument is null)
        {
            // The fast path wrote the bytes directly (no listener wants OutDocument): build the tree once to compare.
            context.OutDocumentWanted = true;
            context.OutString = default;
            context.OutProtocol!.Serialize(context);
        }

        var document = context.OutDocument!;
        var size = context.OutString.Length;
        var settings = new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), CheckCharacters = true };
        (string Name, Action Run)[] variants =
        [
            ("CreateOutString as is (MemoryStream(1024))", () => context.OutProtocol!.CreateOutString(context)),
            ("XDocument.Save, MemoryStream presized", () =>
            {
                using var writer = System.Xml.XmlWriter.Create(new MemoryStream(size + 64), settings);
                document.Save(writer);
            }),
            ("XDocument.Save, Stream.Null (writer only)", () =>
            {
                using var writer = System.Xml.XmlWriter.Create(Stream.Null, settings);
                document.Save(writer);
            }),
        ];
        Console.WriteLine();
        Console.WriteLine($"output writer costs for one {size}-byte response:");
        foreach (var (name, run) in variants)
        {
            for (var i = 0; i < 2000; i++)
            {
                run();
            }

            var b = GC.GetAllocatedBytesForCurrentThread();
            var t = Stopwatch.GetTimestamp();
            for (var i = 0; i < n; i++)
            {
                run();
            }

            var ns = Stopwatch.GetElapsedTime(t).TotalNanoseconds / n;
            Console.WriteLine($"  {name,-46} {ns,8:0} ns {(GC.GetAllocatedBytesForCurrentThread() - b) / (double)n,8:0} B");
        }
    }

    private static void Print(string title, string[] names, long[] ticks, long[] bytes, int n)
    {
        var totalNs = ticks.Sum() * 1e9 / Stopwatch.Frequency / n;
        Console.WriteLine();
        Console.WriteLine($"{title} (timer overhead included, ~{totalNs:0} ns/call in total):");
        Console.WriteLine($"  {"step",-46} {"ns/call",8} {"share",6} {"B/call",8}");
        foreach (var i in Enumerable.Range(0, names.Length).OrderByDescending(i => ticks[i]))
        {
            var ns = ticks[i] * 1e9 / Stopwatch.Frequency / n;
            Console.WriteLine($"  {names[i],-46} {ns,8:0} {ns / totalNs,6:P0} {bytes[i] / (double)n,8:0}");
        }
    }
}
