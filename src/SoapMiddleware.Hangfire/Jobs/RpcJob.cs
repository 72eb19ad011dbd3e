using System.ComponentModel;
using Hangfire;
using Hangfire.Server;
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
    private readonly ConcurrencyGate _gate;
    private readonly ILogger _logger;

    internal RpcJob(QueuedCallExecutor executor, RunningJobs running, HangfireBackend backend, WorkerRecords workers, ILogger<RpcJob> logger)
    {
        _executor = executor;
        _running = running;
        _backend = backend;
        _workers = workers;
        _gate = new ConcurrencyGate(executor, backend, logger);
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
        string display, string queue, string service, string operation, string contentType, string? action, byte[] payload, int maxAttempts,
        PerformContext context, CancellationToken cancellationToken)
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
        var (serverId, worker) = ElectedWorker.Of(context);
        var workerId = worker is null ? serverId : HangfireWorkers.Format(serverId, worker);

        // Over its operation's limit, the job waits as Scheduled, holding no worker, and no attempt is counted.
        var limited = _gate.Enter(context, display, operation);

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

                    return RunParameters.WriteProgress(storage, jobId, percent, message);
                });

            // Progress of an earlier run must not show on this one.
            if (JobParameters.Text(parameters, JobParameters.Progress) is { Length: > 0 })
            {
                RunParameters.ClearProgress(storage, jobId);
            }

            var outcome = await _executor.ExecuteAsync(payload, contentType, action, transport, JobParameters.Text(parameters, JobParameters.TraceParent), run.Token).ConfigureAwait(false);
            if (outcome.Kind != QueuedCallOutcomeKind.Succeeded)
            {
                throw Failure(context, display, contentType, attempt, allowed, outcome, run.Token);
            }

            HangfireEngineLog.CallSucceeded(_logger, display, jobId, attempt);
            var text = RunParameters.WriteResult(storage, jobId, outcome, contentType);
            succeeded = true;
            return text;
        }
        finally
        {
            // Every end counts once: a success as processed, anything else (fault, rejection, cancellation) as failed.
            if (row is not null)
            {
                _workers.Finish(row, handle, succeeded);
            }

            if (limited)
            {
                _gate.Leave(context, operation);
            }
        }
    }

    /// <summary>The exception that ends a run whose call did not succeed, once its fault is stored and the job's end decided.</summary>
    private Exception Failure(
        PerformContext context, string display, string contentType, int attempt, int allowed, QueuedCallOutcome outcome, CancellationToken token)
    {
        var jobId = context.BackgroundJob.Id;
        var filters = _backend.FilterProvider;
        switch (outcome.Kind)
        {
            case QueuedCallOutcomeKind.Rejected:
            {
                RunParameters.WriteFault(context.Storage, jobId, outcome, contentType);
                HangfireEngineLog.CallRejected(_logger, display, jobId, outcome.Reason);
                var reason = outcome.Reason ?? "Rejected";
                return RunStateChange.Fail(context, filters, new RpcCallRejectedException(reason), reason, _logger);
            }

            case QueuedCallOutcomeKind.TimedOut:
            {
                // Ran out of time and its operation does not allow a retry: fail now, around the retry policy.
                RunParameters.WriteFault(context.Storage, jobId, outcome, contentType);
                var reason = outcome.Reason ?? "Timed out";
                HangfireEngineLog.CallFailed(_logger, display, jobId, attempt, allowed, reason);
                return RunStateChange.Fail(context, filters, new RpcCallTimedOutException(reason), reason, _logger);
            }

            case QueuedCallOutcomeKind.Retryable:
            {
                RunParameters.WriteFault(context.Storage, jobId, outcome, contentType);
                HangfireEngineLog.CallFailed(_logger, display, jobId, attempt, allowed, outcome.Reason);
                var error = new RpcCallFailedException(outcome.Reason ?? "Internal Error");

                // The call's own limit stops it before the retry policy would: fail here. When the policy's own limit is
                // reached, the policy decides (it may delete the job instead of failing it).
                return AttemptPolicy.Decide(outcome.Kind, attempt, allowed) == TaskOutcome.Failed
                    && attempt < RetryLimit.Policy(filters, context.BackgroundJob.Job)
                    ? RunStateChange.Fail(context, filters, error, AttemptPolicy.ExhaustedCallLimit(attempt, error.Message), _logger)
                    : error;
            }

            default:
                // Deleted (this process cancelled it, or Hangfire's check did) or the server is stopping: Hangfire
                // keeps a deleted job deleted and puts a stopping server's job back, so only say why.
                HangfireEngineLog.CallCancelled(_logger, display, jobId);
                return new OperationCanceledException(outcome.Reason, token);
        }
    }
}
