using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// The state changes a job makes from inside its own run (failing for good, waiting for a place under a concurrency
/// limit): through the application's filters minus its retry policy (<see cref="WithoutRetryFilterProvider"/>), and
/// only while the job is still Processing. The run then ends with the returned <see cref="JobAbortedException"/>, so
/// Hangfire's worker makes no other state change (it only removes the job from its queue).
/// </summary>
internal static class RunStateChange
{
    /// <summary>Moves the running job to <paramref name="state"/>; returns the exception that ends the run.</summary>
    public static JobAbortedException Apply(PerformContext context, IJobFilterProvider filters, IState state)
    {
        var client = new BackgroundJobClient(context.Storage, new WithoutRetryFilterProvider(filters));
        client.ChangeState(context.BackgroundJob.Id, state, ProcessingState.StateName);
        return new JobAbortedException();
    }

    /// <summary>
    /// Fails the job for good from inside its run, so the history reads Processing → Failed (no retry scheduled and
    /// taken back). When the state change itself fails, the returned exception is <paramref name="error"/>: the worker
    /// fails the job and <see cref="RpcJobStateFilter"/> stops the retry.
    /// </summary>
    public static Exception Fail(PerformContext context, IJobFilterProvider filters, Exception error, string reason, ILogger logger)
    {
        var failed = error as RpcCallFailedException;
        try
        {
            if (failed is not null)
            {
                failed.ReasonGiven = true;
            }

            // Applied, or the job is no longer Processing (deleted meanwhile): either way nothing more to record.
            return Apply(context, filters, new FailedState(error, context.ServerId) { Reason = reason });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            HangfireEngineLog.FailNowFailed(logger, ex, context.BackgroundJob.Id);
            if (failed is not null)
            {
                failed.ReasonGiven = false;
            }

            return error;
        }
    }
}
