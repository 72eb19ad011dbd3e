using System.Diagnostics;
using System.Diagnostics.Metrics;
using SoapMiddleware.Tests.Wrappers;

namespace SoapMiddleware.Tests.Diagnostics;

/// <summary>Metrics and traces seen the way any listener (OpenTelemetry included) would see them.</summary>
[Collection(nameof(DiagnosticsTests))]
public sealed class DiagnosticsTests
{
    private static Task<TestServer> StartAsync() => TestServer.StartAsync(rpc =>
    {
        rpc.Services.AddSingleton(new Journal());
        rpc.AddService<WrappedService>();
    });

    [Fact]
    public async Task Calls_RecordCounterHistogramAndFaultsWithTags()
    {
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RpcDiagnostics.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, copy));
            }
        }

        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        await using var server = await StartAsync();

        await server.CallAsync("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>");
        await server.CallAsync("<t:Fail><t:kind>fault</t:kind></t:Fail>");
        await server.CallAsync("<t:Fail><t:kind>crash</t:kind></t:Fail>");

        List<(string Instrument, double Value, Dictionary<string, object?> Tags)> mine;
        lock (measurements)
        {
            mine = measurements.Where(m => (string?)m.Tags["rpc.service"] == "WrappedService").ToList();
        }

        var calls = mine.Where(m => m.Instrument == "soapmiddleware.calls").ToList();
        Assert.Equal(3, calls.Count);
        Assert.Equal(["success", "client_fault", "server_fault"], calls.Select(c => (string)c.Tags["rpc.outcome"]!));
        Assert.All(calls, c =>
        {
            Assert.Equal("http", c.Tags["rpc.transport"]);
            Assert.Equal("soap11", c.Tags["rpc.protocol"]);
        });
        Assert.Equal(["Add", "Fail", "Fail"], calls.Select(c => (string)c.Tags["rpc.operation"]!));
        Assert.Equal(3, mine.Count(m => m.Instrument == "soapmiddleware.call.duration" && m.Value > 0));
        Assert.Equal(2, mine.Count(m => m.Instrument == "soapmiddleware.faults"));
    }

    [Fact]
    public async Task Call_ActivityWithTags_ChildOfAspNetCoreRequestActivity()
    {
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is RpcDiagnostics.Name or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (stopped) { stopped.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await StartAsync();

        await server.CallAsync("<t:Add><t:a>1</t:a><t:b>2</t:b></t:Add>");

        Activity rpc;
        lock (stopped)
        {
            rpc = stopped.Single(a => a.Source.Name == RpcDiagnostics.Name && a.DisplayName == "WrappedService/Add");
        }

        Assert.Equal("Add", rpc.GetTagItem("rpc.operation"));
        Assert.Equal("success", rpc.GetTagItem("rpc.outcome"));
        Assert.Equal(ActivityKind.Server, rpc.Kind);
        Assert.NotNull(rpc.Parent);
        Assert.Equal("Microsoft.AspNetCore", rpc.Parent!.Source.Name);
    }
}

/// <summary>Meter and activity listeners are process-wide: these tests run alone so other tests' calls don't count.</summary>
[CollectionDefinition(nameof(DiagnosticsTests), DisableParallelization = true)]
public sealed class DiagnosticsCollection;
