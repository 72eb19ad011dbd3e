using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using SoapMiddleware.Queue;

namespace SoapMiddleware.EngineContract;

/// <summary>Traces across the queue: the context stored with the task makes the worker's run part of the enqueuer's trace.</summary>
public abstract partial class EngineContractTests
{
    [SkippableFact]
    public async Task QueuedCall_WithOpenTelemetry_EnqueueAndWorkerSpansInOneTrace()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(RpcDiagnostics.Name).AddInMemoryExporter(spans).Build()!;

        // The caller's own span: the enqueue must join it, and the worker's run must join the same trace.
        using var caller = new ActivitySource("engine-contract-caller");
        using var callerListener = Listen(caller.Name);
        string handle;
        ActivityTraceId traceId;
        using (var root = caller.StartActivity("caller")!)
        {
            traceId = root.TraceId;
            handle = await Queue.EnqueueAsync<EngineTestService>(s => s.Add(20, 22, null!));
        }

        await WaitForStateAsync(handle, QueuedTaskState.Succeeded);

        // Spans of other tests of this process land in the same list: only this trace counts. The worker's spans end
        // just after the task is recorded, so wait for them.
        var trace = await Wait.ForAsync(
            () =>
            {
                tracing.ForceFlush();
                return Task.FromResult(spans.ToArray().Where(a => a is not null && a.TraceId == traceId).ToArray());
            },
            seen => seen.Any(a => a.OperationName == "rpc.call"),
            "the worker's rpc.call span in the caller's trace",
            Patience);

        var enqueue = Assert.Single(trace, a => a.OperationName == "rpc.queue.enqueue");
        Assert.Equal(ActivityKind.Producer, enqueue.Kind);
        Assert.Equal("Add", enqueue.GetTagItem("rpc.operation"));
        var process = Assert.Single(trace, a => a.OperationName == "rpc.queue.process");
        Assert.Equal(ActivityKind.Consumer, process.Kind);
        Assert.Equal(enqueue.SpanId, process.ParentSpanId);
        var call = Assert.Single(trace, a => a.OperationName == "rpc.call");
        Assert.Equal(process.SpanId, call.ParentSpanId);
        Assert.Equal("queue", call.GetTagItem("rpc.transport"));
        Assert.Equal("EngineTestService/Add", call.DisplayName);
    }

    private static ActivityListener Listen(string source)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
