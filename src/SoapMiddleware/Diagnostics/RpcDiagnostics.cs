using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SoapMiddleware;

/// <summary>
/// The names of the toolkit's <see cref="Meter"/> and <see cref="ActivitySource"/>; anything that listens to those
/// (OpenTelemetry, dotnet-counters, a <see cref="MeterListener"/>) sees every call.
/// </summary>
/// <remarks>
/// Instruments: <c>soapmiddleware.calls</c> (counter), <c>soapmiddleware.call.duration</c> (histogram, seconds),
/// <c>soapmiddleware.faults</c> (counter). Tags: <c>rpc.service</c>, <c>rpc.operation</c>, <c>rpc.protocol</c>,
/// <c>rpc.transport</c>, <c>rpc.outcome</c> (<c>success</c>, <c>client_fault</c>, <c>server_fault</c>).
/// One activity per call, named <c>{Service}/{Operation}</c>, child of the ASP.NET Core request activity.
/// </remarks>
public static class RpcDiagnostics
{
    /// <summary>The name of the meter and the activity source.</summary>
    public const string Name = "SoapMiddleware";

    /// <summary>The activity source of every call's activity; a transport (the queue) starts its own activities on it too.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);
    internal static readonly Meter Meter = new(Name);
    internal static readonly Counter<long> Calls = Meter.CreateCounter<long>("soapmiddleware.calls", "{call}", "RPC calls handled");
    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("soapmiddleware.call.duration", "s", "Duration of RPC calls, from context creation to close");
    internal static readonly Counter<long> Faults = Meter.CreateCounter<long>("soapmiddleware.faults", "{fault}", "RPC calls that ended in a fault");
}
