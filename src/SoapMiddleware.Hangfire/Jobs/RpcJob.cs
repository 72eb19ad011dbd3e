using System.ComponentModel;
using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Execution;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// The Hangfire job that runs one queued RPC call through the application's pipeline. Applications never call it: the
/// Hangfire queue engine creates jobs of it. Its full name and the signature of <see cref="Run"/> are stored in every
/// job, so neither may ever be renamed or changed: a stored job whose type or method no longer loads cannot run.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RpcJob
{
    private readonly QueuedCallExecutor _executor;
    private readonly RunningJobs _running;
    private readonly HangfireBackend _backend;
    private readonly WorkerRecords _workers;
    private readonly ILogger _logger;

    internal RpcJob(QueuedCallExecutor executor, RunningJobs running, HangfireBackend backend, WorkerRecords workers, ILogger<RpcJob> logger)
    {
        _executor = executor;
        _running = running;
        _backend = backend;
        _workers = workers;
        _logger = logger;
    }

    /// <summary>
    /// Runs the stored request once. Succeeded: returns the response text (the Succeeded state's <c>Result</c>).
    /// Rejected (the request cannot succeed) or timed out (unless the operation allows a retry after a timeout): throws,
    /// and the job fails at once. Server fault: throws, and Hangfire's retry policy applies, capped by <paramref name="maxAttempts"/>.
    /// </summary>
    /// <param name="display">The call as people read it; Hangfire's dashboard shows it as the job's name.</param>
    /// <param name="queue">The queue the call belongs to (retries and requeues go back to it).</param>
    /// <param name="service">The service name.</param>
    /// <param name="operation">The operation name.</param>
    /// <param name="contentType">The content type of <paramref name="payload"/>.</param>
    /// <param name="action">The SOAPAction, or null.</param>
    /// <param name="payload">The request bytes, exactly as an HTTP client would send them.</param>
    /// <param name="maxAttempts">Attempts allowed, the first included.</param>
    /// <param name="context">Injected by Hangfire; null at enqueue.</param>
    /// <param name="cancellationToken">Injected by Hangfire (shutdown, deletion); default at enqueue.</param>
    /// <returns>The response text (base64 when it is not UTF-8, with a job parameter saying so).</returns>
    /// <remarks>
    /// Synchronous on purpose: Hangfire runs a <see cref="Task"/>-returning job on the thread pool while its worker thread
    /// waits, so every call would hold two threads and queue behind the pool; a synchronous job runs on the worker's own
    /// thread, and a call that does not await (most do not) never touches the pool. An awaiting call blocks the worker
    /// thread, as Hangfire's own wait would.
    /// </remarks>
    [JobDisplayName("{0}")]
    public string Run(
        string display,
        string queue,
        string service,
        string operation,
        string contentType,
        string? action,
        byte[] payload,
        int maxAttempts,
        PerformContext? context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunAsync(display, queue, service, operation, contentType, action, payload, maxAttempts, context, cancellationToken).GetAwaiter().GetResult();
    }

    private async Task<string> RunAsync(
        string display,
        string queue,
        string service,
        string operation,
        string contentType,
        string? action,
        byte[] payload,
        int maxAttempts,
        PerformContext context,
        CancellationToken cancellationToken)
    {
        var jobId = context.BackgroundJob.Id;
        var storage = context.Storage;
        var parameters = RunParameters.Read(context);
        var secret = JobParameters.Text(parameters, JobParameters.Secret);
        if (secret is null)
        {
            // Created where our client filter was not registered: give the task a secret now so it has a handle.
            secret = TaskHandle.NewSecret();
            context.SetJobParameter(JobParameters.Secret, secret);
        }

        var handle = TaskHandle.Format(jobId, secret);
        var attempt = JobParameters.RetryCount(JobParameters.Text(parameters, JobParameters.RetryCountName)) + 1;
        var allowed = RetryLimit.Effective(_backend.FilterProvider, context.BackgroundJob.Job, maxAttempts);
        var (serverId, worker) = Worker(context);
        var workerId = worker is null ? serverId : HangfireWorkers.Format(serverId, worker);

        // Over its operation's limit, the job waits as Scheduled, holding no worker, and no attempt is counted.
        var limit = _executor.Limits.ConcurrencyOf(operation);
        if (limit is { } most && !ConcurrencyGate.TryEnter(context.Connection, operation, most, jobId))
        {
            throw WaitForPlace(context, display, operation, most);
        }

        // The worker's row (a worker Hangfire does not name has none). Not counted as a success until the result is stored.
        var row = worker is null ? null : _workers.Start(serverId, worker, handle, service + "." + operation);
        var succeeded = false;
        try
        {
            using var run = _running.Start(jobId, cancellationToken);
            var transport = new QueueRpcTransport(
                HangfireQueueEngine.EngineName,
                workerId,
                handle,
                attempt,
                allowed,
                new DateTimeOffset(DateTime.SpecifyKind(context.BackgroundJob.CreatedAt, DateTimeKind.Utc)),
                queue,
                JobParameters.Text(parameters, JobParameters.EnqueuedBy),
                (percent, message, _) =>
                {
                    if (row is not null)
                    {
                        _workers.Progress(row, handle, percent, message);
                    }

                    return ReportProgress(storage, jobId, percent, message);
                });

            // Progress of an earlier run must not show on this one.
            if (JobParameters.Text(parameters, JobParameters.Progress) is { Length: > 0 })
            {
                ClearProgress(storage, jobId);
            }
            var outcome = await _executor.ExecuteAsync(payload, contentType, action, transport, JobParameters.Text(parameters, JobParameters.TraceParent), run.Token).ConfigureAwait(false);
            switch (outcome.Kind)
            {
                case QueuedCallOutcomeKind.Succeeded:
                    HangfireEngineLog.CallSucceeded(_logger, display, jobId, attempt);
                {
                    // Each parameter is a storage round trip: the result's type is written only when it is not the
                    // request's (readers fall back to that), the flag only for a binary result.
                    var (text, base64) = JobParameters.EncodeBytes(outcome.Response);
                    var resultType = outcome.ContentType ?? contentType;
                    if (base64 || resultType != contentType)
                    {
                        using var connection = storage.GetConnection();
                        if (resultType != contentType)
                        {
                            connection.SetJobParameter(jobId, JobParameters.ResultType, resultType);
                        }

                        if (base64)
                        {
                            connection.SetJobParameter(jobId, JobParameters.ResultBase64, "true");
                        }
                    }

                    succeeded = true;
                    return text;
                }

                case QueuedCallOutcomeKind.Rejected:
                {
                    StoreFault(storage, jobId, outcome, contentType);
                    HangfireEngineLog.CallRejected(_logger, display, jobId, outcome.Reason);
                    var reason = outcome.Reason ?? "Rejected";
                    throw FailNow(context, new RpcCallRejectedException(reason), reason);
                }

                case QueuedCallOutcomeKind.TimedOut:
                {
                    // Ran out of time and its operation does not allow a retry: fail now, around the retry policy.
                    StoreFault(storage, jobId, outcome, contentType);
                    var reason = outcome.Reason ?? "Timed out";
                    HangfireEngineLog.CallFailed(_logger, display, jobId, attempt, allowed, reason);
                    throw FailNow(context, new RpcCallTimedOutException(reason), reason);
                }

                case QueuedCallOutcomeKind.Retryable:
                {
                    StoreFault(storage, jobId, outcome, contentType);
                    HangfireEngineLog.CallFailed(_logger, display, jobId, attempt, allowed, outcome.Reason);
                    var error = new RpcCallFailedException(outcome.Reason ?? "Internal Error");

                    // The call's own limit stops it before the retry policy would: fail here. When the policy's own limit is
                    // reached, the policy decides (it may delete the job instead of failing it).
                    if (AttemptPolicy.Decide(outcome.Kind, attempt, allowed) == TaskOutcome.Failed
                        && attempt < RetryLimit.Policy(_backend.FilterProvider, context.BackgroundJob.Job))
                    {
                        throw FailNow(context, error, AttemptPolicy.ExhaustedCallLimit(attempt, error.Message));
                    }

                    throw error;
                }

                default:
                    // Deleted (this process cancelled it, or Hangfire's check did) or the server is stopping: Hangfire
                    // keeps a deleted job deleted and puts a stopping server's job back, so only say why.
                    HangfireEngineLog.CallCancelled(_logger, display, jobId);
                    throw new OperationCanceledException(outcome.Reason, run.Token);
            }
        }
        finally
        {
            // Every end counts once: a success as processed, anything else (fault, rejection, cancellation) as failed.
            if (row is not null)
            {
                _workers.Finish(row, handle, succeeded);
            }

            if (limit is not null)
            {
                Leave(context, operation, jobId);
            }
        }
    }

    /// <summary>
    /// Puts the job back as Scheduled, <see cref="OperationLimits.Recheck"/> from now (±25%, so waiting jobs do not all
    /// come back together): Hangfire's scheduler enqueues it again then, within its <c>SchedulePollingInterval</c>.
    /// The returned exception ends the run without another state change.
    /// </summary>
    private JobAbortedException WaitForPlace(PerformContext context, string display, string operation, int limit)
    {
        var delay = AttemptPolicy.Spread(_executor.Limits.Recheck);
        var reason = string.Create(CultureInfo.InvariantCulture, $"Waiting: at most {limit} call(s) of {operation} run at once");
        HangfireEngineLog.WaitingForPlace(_logger, display, context.BackgroundJob.Id, operation, limit);
        var client = new BackgroundJobClient(context.Storage, new WithoutRetryFilterProvider(_backend.FilterProvider));
        client.ChangeState(context.BackgroundJob.Id, new ScheduledState(delay) { Reason = reason }, ProcessingState.StateName);
        return new JobAbortedException();
    }

    private void Leave(PerformContext context, string operation, string jobId)
    {
        try
        {
            ConcurrencyGate.Leave(context.Connection, operation, jobId);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The next admission drops it anyway, once the job is no longer Processing.
            HangfireEngineLog.LeaveFailed(_logger, ex, jobId, operation);
        }
    }

    /// <summary>The job for <paramref name="call"/>: every argument of <see cref="Run"/> but the two Hangfire injects.</summary>
    internal static Job CreateJob(QueuedCall call)
        => new(typeof(RpcJob), RunMethod, new object?[]
        {
            call.Display, call.Queue, call.Service, call.Operation, call.ContentType, call.Action, call.Payload, call.MaxAttempts, null, CancellationToken.None,
        });

    internal static readonly System.Reflection.MethodInfo RunMethod = typeof(RpcJob).GetMethod(nameof(Run))!;

    /// <summary>
    /// The server and worker running the job: as elected just before the run, else as the Processing state names them
    /// (Hangfire's worker id is a GUID per worker loop); the worker is null when the state does not say.
    /// </summary>
    private static (string Server, string? Worker) Worker(PerformContext context)
    {
        if (ElectedWorker.TryGet(context.BackgroundJob.Id, out var electedServer, out var electedWorker))
        {
            return (electedServer, electedWorker);
        }

        var state = context.Connection.GetStateData(context.BackgroundJob.Id);
        if (state is not null && string.Equals(state.Name, ProcessingState.StateName, StringComparison.OrdinalIgnoreCase)
            && state.Data is { } data && data.TryGetValue("ServerId", out var server) && data.TryGetValue("WorkerId", out var worker)
            && !string.IsNullOrEmpty(server) && !string.IsNullOrEmpty(worker))
        {
            return (server, worker);
        }

        return (context.ServerId ?? "hangfire", null);
    }

    /// <summary>
    /// Fails the job for good from inside its run, through the application's filters minus its retry policy, so the
    /// history reads Processing → Failed (no retry scheduled and taken back). The returned exception ends the run
    /// without another state change (Hangfire's worker then only removes the job from its queue). When the state change
    /// itself fails, the returned exception is <paramref name="error"/>: the worker fails the job and
    /// <see cref="RpcJobStateFilter"/> stops the retry.
    /// </summary>
    private Exception FailNow(PerformContext context, Exception error, string reason)
    {
        var failed = error as RpcCallFailedException;
        try
        {
            if (failed is not null)
            {
                failed.ReasonGiven = true;
            }

            var client = new BackgroundJobClient(context.Storage, new WithoutRetryFilterProvider(_backend.FilterProvider));
            client.ChangeState(context.BackgroundJob.Id, new FailedState(error, context.ServerId) { Reason = reason }, ProcessingState.StateName);

            // Applied, or the job is no longer Processing (deleted meanwhile): either way nothing more to record.
            return new JobAbortedException();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            HangfireEngineLog.FailNowFailed(_logger, ex, context.BackgroundJob.Id);
            if (failed is not null)
            {
                failed.ReasonGiven = false;
            }

            return error;
        }
    }

    private static ValueTask ReportProgress(JobStorage storage, string jobId, int percent, string? message)
    {
        using var connection = storage.GetConnection();
        connection.SetJobParameter(jobId, JobParameters.Progress, JobParameters.EncodeProgress(percent, message));
        return ValueTask.CompletedTask;
    }

    private static void ClearProgress(JobStorage storage, string jobId)
    {
        using var connection = storage.GetConnection();
        connection.SetJobParameter(jobId, JobParameters.Progress, string.Empty);
    }

    private static void StoreFault(JobStorage storage, string jobId, QueuedCallOutcome outcome, string contentType)
    {
        var (text, base64) = JobParameters.EncodeBytes(outcome.Response);
        using var connection = storage.GetConnection();
        connection.SetJobParameter(jobId, JobParameters.Fault, text);
        connection.SetJobParameter(jobId, JobParameters.FaultBase64, base64 ? "true" : string.Empty);
        connection.SetJobParameter(jobId, JobParameters.ResultType, outcome.ContentType ?? contentType);
    }
}
