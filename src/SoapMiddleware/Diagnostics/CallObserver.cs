using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Diagnostics;

/// <summary>
/// The built-in observability, written as ordinary listeners: an activity per call, the three instruments of
/// <see cref="RpcDiagnostics"/>, and one log line at start and end. It runs first among application listeners.
/// </summary>
internal sealed class CallObserver(ILogger logger, RpcOptions options)
{
    public void Attach(RpcEvents events)
    {
        events.AddListener(RpcEventNames.MethodContextCreated, OnCreated);
        events.AddListener(RpcEventNames.MethodCall, OnCall);
        events.AddListener(RpcEventNames.MethodContextClosed, OnClosed);
    }

    private void OnCreated(MethodContext context)
    {
        context.StartTimestamp = Stopwatch.GetTimestamp();
        if (RpcDiagnostics.ActivitySource.HasListeners())
        {
            context.Activity = RpcDiagnostics.ActivitySource.StartActivity("rpc.call", ActivityKind.Server);
        }
    }

    private void OnCall(MethodContext context)
    {
        var operation = context.Operation!;
        if (context.Activity is { } activity)
        {
            activity.DisplayName = operation.Service.Name + "/" + operation.Name;
            activity.SetTag("rpc.service", operation.Service.Name);
            activity.SetTag("rpc.operation", operation.Name);
            activity.SetTag("rpc.protocol", context.InProtocol?.Name);
            activity.SetTag("rpc.transport", context.Transport.Name);
        }

        CallLog.CallStarted(logger, context.Transport.Name, operation.Service.Name, operation.Name);
        if (options.LogPayloads && logger.IsEnabled(LogLevel.Debug))
        {
            CallLog.RequestPayload(logger, operation.Name, Truncate(context.InString, options.MaxLoggedPayloadBytes));
        }
    }

    private void OnClosed(MethodContext context)
    {
        var elapsed = context.StartTimestamp == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(context.StartTimestamp);
        var error = context.Error;
        var outcome = error is null ? "success" : error is RpcFault { Code: not RpcFaultCode.Server } ? "client_fault" : "server_fault";
        var service = context.Operation?.Service.Name ?? "(unknown)";
        var operation = context.Operation?.Name ?? "(unknown)";
        var tags = new TagList
        {
            { "rpc.service", service },
            { "rpc.operation", operation },
            { "rpc.protocol", context.InProtocol?.Name },
            { "rpc.transport", context.Transport.Name },
            { "rpc.outcome", outcome },
        };
        RpcDiagnostics.Calls.Add(1, tags);
        RpcDiagnostics.Duration.Record(elapsed.TotalSeconds, tags);
        if (error is not null)
        {
            RpcDiagnostics.Faults.Add(1, tags);
            CallLog.CallFaulted(logger, context.Transport.Name, service, operation, elapsed.TotalMilliseconds, (error as RpcFault)?.Code.ToString() ?? "Server", error.Message);
        }
        else
        {
            CallLog.CallCompleted(logger, context.Transport.Name, service, operation, elapsed.TotalMilliseconds);
        }

        if (options.LogPayloads && logger.IsEnabled(LogLevel.Debug))
        {
            CallLog.ResponsePayload(logger, operation, Truncate(context.OutString, options.MaxLoggedPayloadBytes));
        }

        if (context.Activity is { } activity)
        {
            activity.SetTag("rpc.outcome", outcome);
            activity.SetStatus(error is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error, error?.Message);
            activity.Dispose();
        }
    }

    private static string Truncate(ReadOnlyMemory<byte> bytes, int max)
        => System.Text.Encoding.UTF8.GetString(bytes.Span[..Math.Min(bytes.Length, max)]) + (bytes.Length > max ? "…" : string.Empty);
}
