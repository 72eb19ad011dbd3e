using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Pipeline;

/// <summary>The toolkit's log messages, with stable event ids (1xx: pipeline, 2xx: HTTP transport).</summary>
internal static partial class RpcLog
{
    [LoggerMessage(100, LogLevel.Error, "Reading the request for operation {Operation} failed unexpectedly")]
    public static partial void RequestReadFailed(ILogger logger, string operation, Exception exception);

    [LoggerMessage(101, LogLevel.Error, "Operation {Service}.{Operation} threw an unhandled exception; the caller gets a Server fault")]
    public static partial void MethodFailed(ILogger logger, string service, string operation, Exception exception);

    [LoggerMessage(103, LogLevel.Information, "Operation {Service}.{Operation} was cancelled (caller gone, shutdown, or task deleted)")]
    public static partial void MethodCancelled(ILogger logger, string service, string operation);

    [LoggerMessage(102, LogLevel.Error, "Writing the response of operation {Operation} failed; the caller gets a Server fault")]
    public static partial void ResponseWriteFailed(ILogger logger, string operation, Exception exception);

    [LoggerMessage(200, LogLevel.Information, "Serving RPC application {Application} at {Path} ({Operations} {OperationsNoun})")]
    private static partial void Mapped(ILogger logger, string application, string path, int operations, string operationsNoun);

    public static void Mapped(ILogger logger, string application, string path, int operations) =>
        Mapped(logger, application, path, operations, operations == 1 ? "operation" : "operations");

    [LoggerMessage(203, LogLevel.Information, "Serving the OpenAPI document of RPC application {Application} at {Path}")]
    public static partial void MappedOpenApi(ILogger logger, string application, string path);

    [LoggerMessage(202, LogLevel.Information, "Request to {Path} refused while its body was read: {Status} {Reason}")]
    public static partial void BodyReadRefused(ILogger logger, string path, int status, string reason);

    [LoggerMessage(204, LogLevel.Information, "MTOM request to {Path} refused while its parts were read: {Status} {Reason}")]
    public static partial void MtomRefused(ILogger logger, string path, int status, string reason);

    [LoggerMessage(201, LogLevel.Debug, "Rejected request to {Path}: {Status} {Reason}")]
    public static partial void Rejected(ILogger logger, string path, int status, string reason);
}
