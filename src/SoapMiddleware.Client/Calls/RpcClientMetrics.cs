using System.Diagnostics;
using System.Diagnostics.Metrics;
using SoapMiddleware.Client.Transport;

namespace SoapMiddleware.Client.Calls;

/// <summary>The instruments of <see cref="RpcClientDiagnostics.MeterName"/>, recorded once per call when it is over.</summary>
internal static class RpcClientMetrics
{
    private static readonly Meter Meter = new(RpcClientDiagnostics.MeterName);
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("soapmiddleware.client.calls", "{call}", "RPC calls made by clients");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("soapmiddleware.client.call.duration", "s", "Duration of client RPC calls, retries included");

    public static void Record(RpcCallContext context)
    {
        if (!Calls.Enabled && !Duration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { "rpc.service", context.Operation.Service.Name },
            { "rpc.operation", context.Operation.Name },
            { "rpc.protocol", context.Protocol },
            { "rpc.outcome", OutcomeOf(context.Error) },
        };
        Calls.Add(1, tags);
        Duration.Record(context.Duration.TotalSeconds, tags);
    }

    public static string OutcomeOf(Exception? error) => error switch
    {
        null => "success",
        RpcFaultException => "fault",
        RpcHttpException => "http_error",
        TimeoutException => "timeout",
        OperationCanceledException => "cancelled",
        RpcResponseTooLargeException => "too_large",
        HttpRequestException => "transport_error",
        _ => "error",
    };
}
