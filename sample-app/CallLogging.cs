using SoapMiddleware;
using SoapMiddleware.Queue;

namespace SampleApp;

/// <summary>
/// One log line per call from the <c>method_call</c> and <c>method_return_object</c> events, like Spyne's queue
/// example: "worker …/3 took task 17 (Sleep)" and "HTTP Add from 127.0.0.1 in 0.4 ms".
/// </summary>
internal static partial class CallLogging
{
    private static readonly object StartKey = new();
    private static ILogger? _logger;

    public static void Attach(RpcEvents events)
    {
        events.AddListener(RpcEventNames.MethodCall, context =>
        {
            context.Items[StartKey] = System.Diagnostics.Stopwatch.GetTimestamp();
            if (context.Transport is QueueRpcTransport queue)
            {
                WorkerTookTask(Logger(context), queue.WorkerId, queue.TaskLabel, context.Operation!.Name, queue.Attempt);
            }
        });
        events.AddListener(RpcEventNames.MethodReturnObject, context =>
        {
            var elapsed = context.Items.TryGetValue(StartKey, out var start) && start is long ticks
                ? System.Diagnostics.Stopwatch.GetElapsedTime(ticks).TotalMilliseconds : 0;
            switch (context.Transport)
            {
                case HttpRpcTransport http:
                    HttpCall(Logger(context), context.Operation!.Name, http.RemoteAddress ?? "?", elapsed);
                    break;
                case QueueRpcTransport queue:
                    WorkerFinishedTask(Logger(context), queue.WorkerId, queue.TaskLabel, elapsed);
                    break;
            }
        });
    }

    private static ILogger Logger(MethodContext context)
        => _logger ??= context.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SampleApp.Calls");

    [LoggerMessage(1000, LogLevel.Information, "HTTP {Operation} from {Remote} in {ElapsedMs:0.0} ms")]
    private static partial void HttpCall(ILogger logger, string operation, string remote, double elapsedMs);

    [LoggerMessage(1001, LogLevel.Information, "worker {WorkerId} took task {TaskId} ({Operation}, attempt {Attempt})")]
    private static partial void WorkerTookTask(ILogger logger, string workerId, string taskId, string operation, int attempt);

    [LoggerMessage(1002, LogLevel.Information, "worker {WorkerId} finished task {TaskId} in {ElapsedMs:0.0} ms")]
    private static partial void WorkerFinishedTask(ILogger logger, string workerId, string taskId, double elapsedMs);
}
