using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Diagnostics;

/// <summary>Per-call log messages with stable event ids (4xx). Payloads only when <see cref="RpcOptions.LogPayloads"/> is on.</summary>
internal static partial class CallLog
{
    [LoggerMessage(400, LogLevel.Debug, "{Transport} call {Service}.{Operation} started")]
    public static partial void CallStarted(ILogger logger, string transport, string service, string operation);

    [LoggerMessage(401, LogLevel.Debug, "{Transport} call {Service}.{Operation} completed in {ElapsedMs:0.###} ms")]
    public static partial void CallCompleted(ILogger logger, string transport, string service, string operation, double elapsedMs);

    [LoggerMessage(402, LogLevel.Information, "{Transport} call {Service}.{Operation} faulted in {ElapsedMs:0.###} ms: {FaultCode} {FaultMessage}")]
    public static partial void CallFaulted(ILogger logger, string transport, string service, string operation, double elapsedMs, string faultCode, string faultMessage);

    [LoggerMessage(403, LogLevel.Debug, "Request payload of {Operation}: {Payload}")]
    public static partial void RequestPayload(ILogger logger, string operation, string payload);

    [LoggerMessage(404, LogLevel.Debug, "Response payload of {Operation}: {Payload}")]
    public static partial void ResponsePayload(ILogger logger, string operation, string payload);
}
