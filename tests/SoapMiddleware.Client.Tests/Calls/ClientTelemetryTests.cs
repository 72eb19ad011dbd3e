using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using SoapMiddleware.Client.Calls;
using SoapMiddleware.Client.Tests.Typed;

namespace SoapMiddleware.Client.Tests.Calls;

/// <summary>The client's meter (calls and durations by operation and outcome) and one trace from our client into our server.</summary>
public sealed class ClientTelemetryTests(SampleHost sample) : IClassFixture<SampleHost>
{
    [Fact]
    public async Task Metrics_CallsAndDurations_ByOperationAndOutcome()
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RpcClientDiagnostics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => measurements.Enqueue((i.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => measurements.Enqueue((i.Name, value, Tags(tags))));
        listener.Start();
        // The meter is process-wide and other tests call in parallel: the assertions look for these calls among all.
        var calculator = ClientFactory.Create<ICalculatorClient>(sample.Endpoint("soap11"), "soap11");

        await calculator.AddAsync(20, 22);
        Assert.Throws<RpcFaultException>(() => calculator.Divide(1, 0));

        var ours = measurements.Where(m => m.Tags["rpc.protocol"] as string == "soap11" && m.Tags["rpc.service"] as string == "CalculatorService").ToList();
        Assert.Contains(ours, m => m.Instrument == "soapmiddleware.client.calls" && Is(m.Tags, "Add", "success") && m.Value == 1);
        Assert.Contains(ours, m => m.Instrument == "soapmiddleware.client.calls" && Is(m.Tags, "Divide", "fault"));
        Assert.Contains(ours, m => m.Instrument == "soapmiddleware.client.call.duration" && Is(m.Tags, "Add", "success") && m.Value > 0 && m.Value < 30);
        Assert.Contains(ours, m => m.Instrument == "soapmiddleware.client.call.duration" && Is(m.Tags, "Divide", "fault"));
    }

    [Fact]
    public async Task Traces_ClientCallIntoOurServer_OneTraceAcrossHttp()
    {
        using var test = new ActivitySource("SoapMiddleware.Client.Tests.Trace");
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is RpcClientDiagnostics.SourceName or "System.Net.Http" or "SoapMiddleware" or "Microsoft.AspNetCore" or "SoapMiddleware.Client.Tests.Trace",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var calculator = ClientFactory.Create<ICalculatorClient>(sample.Endpoint("soap11"), "soap11");

        ActivityTraceId trace;
        using (var root = test.StartActivity("root")!)
        {
            trace = root.TraceId;
            Assert.Equal(42, await calculator.AddAsync(20, 22));
        }

        // The server's activities stop after the response is written, maybe just after the client's call returned.
        await Wait.UntilAsync(() => Task.FromResult(activities.Any(a => a.Source.Name == "SoapMiddleware" && a.TraceId == trace)), "the server's call activity");
        var client = Assert.Single(activities, a => a.Source.Name == RpcClientDiagnostics.SourceName && a.TraceId == trace);
        Assert.Equal("CalculatorService/Add", client.DisplayName);
        Assert.Equal(ActivityKind.Client, client.Kind);
        var request = Assert.Single(activities, a => a.Source.Name == "Microsoft.AspNetCore" && a.TraceId == trace);
        Assert.True(request.HasRemoteParent, "the server's request activity did not come from a traceparent header");
        var server = Assert.Single(activities, a => a.Source.Name == "SoapMiddleware" && a.TraceId == trace);
        Assert.Equal("CalculatorService/Add", server.DisplayName);
        Assert.Equal(request.SpanId, server.ParentSpanId);

        // The request's parent is the client's call activity, or HttpClient's own activity under it.
        var byId = activities.Where(a => a.TraceId == trace).ToDictionary(a => a.SpanId);
        var parent = byId[request.ParentSpanId];
        Assert.True(parent == client || parent.ParentSpanId == client.SpanId, $"the server's parent is {parent.Source.Name}/{parent.DisplayName}");
    }

    private static bool Is(Dictionary<string, object?> tags, string operation, string outcome)
        => tags["rpc.operation"] as string == operation && tags["rpc.outcome"] as string == outcome;

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, object?>();
        foreach (var (key, value) in tags)
        {
            map[key] = value;
        }

        return map;
    }
}
