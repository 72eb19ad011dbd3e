using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Hangfire;

/// <summary>The engine's log messages. Job ids are logged, never handles: a handle reads the task's result.</summary>
internal static partial class HangfireEngineLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Display} (Hangfire job {JobId}) succeeded on attempt {Attempt}")]
    public static partial void CallSucceeded(ILogger logger, string display, string jobId, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Display} (Hangfire job {JobId}) was rejected and fails without retry: {Reason}")]
    public static partial void CallRejected(ILogger logger, string display, string jobId, string? reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Display} (Hangfire job {JobId}) failed on attempt {Attempt} of {MaxAttempts}: {Reason}")]
    public static partial void CallFailed(ILogger logger, string display, string jobId, int attempt, int maxAttempts, string? reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "{Display} (Hangfire job {JobId}) was cancelled while running")]
    public static partial void CallCancelled(ILogger logger, string display, string jobId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Hangfire job {JobId} was deleted; its call running in this process is cancelled")]
    public static partial void CancelledLocally(ILogger logger, string jobId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Idempotency key reused with the same request: Hangfire job {JobId} is returned")]
    public static partial void IdempotentRepeat(ILogger logger, string jobId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Could not store the idempotency key of Hangfire job {JobId}; the job is deleted again")]
    public static partial void IdempotencyWriteFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Hangfire job {JobId} could not be failed from its run; its retry is stopped by the state filter instead")]
    public static partial void FailNowFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "The Hangfire queue engine uses {Storage}")]
    public static partial void Started(ILogger logger, string storage);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Could not write the Hangfire workers' rows to {Storage}; retrying every second until it works")]
    public static partial void WorkerRowsWriteFailed(ILogger logger, Exception exception, string storage);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "The Hangfire workers' rows are written again")]
    public static partial void WorkerRowsWritten(ILogger logger);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "{Rows} Hangfire worker row(s) of {Servers} server(s) marked Stopped")]
    public static partial void WorkerRowsStopped(ILogger logger, int rows, int servers);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Could not mark this process's Hangfire workers Stopped in {Storage}; other processes will show them Dead")]
    public static partial void WorkerRowsStopFailed(ILogger logger, Exception exception, string storage);

    [LoggerMessage(EventId = 14, Level = LogLevel.Debug, Message = "Could not drop the rows of expired Hangfire servers from the index")]
    public static partial void WorkerRowsPruneFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 15, Level = LogLevel.Debug, Message = "Could not list the Hangfire servers to note this process's ones")]
    public static partial void ServersNotListed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 16, Level = LogLevel.Debug, Message = "{Display} (Hangfire job {JobId}) waits: {Operation} already runs {Limit} call(s) at once, its limit")]
    public static partial void WaitingForPlace(ILogger logger, string display, string jobId, string operation, int limit);

    [LoggerMessage(EventId = 17, Level = LogLevel.Warning, Message = "Could not record that Hangfire job {JobId} ({Operation}) stopped running; the next admission of {Operation} drops it")]
    public static partial void LeaveFailed(ILogger logger, Exception exception, string jobId, string operation);
}
