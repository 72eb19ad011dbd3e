using System.Globalization;
using Hangfire.States;
using SoapMiddleware.Queue;
using SoapMiddleware.Queue.Execution;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// Runs after Hangfire's <c>AutomaticRetryAttribute</c> (order 20) on every state election of an <see cref="RpcJob"/>:
/// <list type="bullet">
/// <item>a Processing state tells <see cref="ElectedWorker"/> which worker runs the job;</item>
/// <item>an Enqueued state goes to the call's own queue (retries and dashboard requeues would go to <c>default</c>);</item>
/// <item>a Failed state gets a reason that says how many attempts were made;</item>
/// <item>a rejected call (Client fault, unreadable payload, unknown operation), a timed-out call whose operation does
/// not allow a retry after a timeout, or a Server fault on the call's last
/// allowed attempt, fails even when the retry policy chose to retry it (<see cref="ElectStateContext.TraversedStates"/>
/// holds the Failed state it replaced). <see cref="RpcJob"/> normally fails such a job itself, around the retry policy,
/// so this is the fallback for when that state change could not be made.</item>
/// </list>
/// </summary>
internal sealed class RpcJobStateFilter : IElectStateFilter
{
    /// <summary>After AutomaticRetry (20) and any filter of the application's at the usual orders.</summary>
    public const int Order = 1000;

    public void OnStateElection(ElectStateContext context)
    {
        var job = context.BackgroundJob.Job;
        if (!RpcJobArguments.IsRpcJob(job))
        {
            return;
        }

        if (context.CandidateState is ProcessingState processing)
        {
            ElectedWorker.Remember(context.BackgroundJob.Id, processing.ServerId, processing.WorkerId);
            return;
        }

        if (context.CandidateState is EnqueuedState enqueued)
        {
            var queue = RpcJobArguments.Queue(job);
            if (!string.Equals(enqueued.Queue, queue, StringComparison.Ordinal))
            {
                enqueued.Queue = queue;
            }
        }

        var failed = context.CandidateState as FailedState ?? context.TraversedStates.OfType<FailedState>().LastOrDefault();
        switch (failed?.Exception)
        {
            case RpcCallRejectedException or RpcCallTimedOutException:
                if (context.CandidateState is not FailedState)
                {
                    UndoRetry(context);
                }

                context.CandidateState = Final(failed, context.CandidateState, failed.Exception.Message);
                break;

            case RpcCallFailedException fault when context.CandidateState is FailedState final:
                // The retry policy has given up (or there is none): say how many attempts were made, unless the job
                // already said why it stopped.
                if (!fault.ReasonGiven)
                {
                    final.Reason = AttemptPolicy.ExhaustedRetryPolicy(Attempts(context), fault.Message);
                }

                break;

            case RpcCallFailedException fault when IsRetry(context.CandidateState):
                // AutomaticRetry counted the attempt that just failed; stop when it was the call's last one.
                var done = RetryCount(context);
                var allowed = Math.Max(RpcJobArguments.MaxAttempts(job!), 1);
                if (AttemptPolicy.Decide(QueuedCallOutcomeKind.Retryable, done, allowed) == TaskOutcome.Failed)
                {
                    UndoRetry(context);
                    context.CandidateState = Final(failed!, context.CandidateState, AttemptPolicy.ExhaustedCallLimit(done, fault.Message));
                }

                break;
        }
    }

    private static bool IsRetry(IState state) => state is ScheduledState or EnqueuedState;

    private static FailedState Final(FailedState failed, IState candidate, string reason)
    {
        if (ReferenceEquals(failed, candidate))
        {
            failed.Reason = reason;
            return failed;
        }

        return new FailedState(failed.Exception, failed.ServerId) { Reason = reason };
    }

    /// <summary>Attempts made: AutomaticRetry's count of retries, plus the first.</summary>
    private static int Attempts(ElectStateContext context) => RetryCount(context) + 1;

    private static int RetryCount(ElectStateContext context)
        => JobParameters.RetryCount(context.Connection.GetJobParameter(context.BackgroundJob.Id, JobParameters.RetryCountName));

    /// <summary>AutomaticRetry already counted a retry that will not happen: take it back, so the attempt count stays right.</summary>
    private static void UndoRetry(ElectStateContext context)
    {
        var count = RetryCount(context);
        if (count > 0)
        {
            context.Connection.SetJobParameter(context.BackgroundJob.Id, JobParameters.RetryCountName, (count - 1).ToString(CultureInfo.InvariantCulture));
        }
    }
}
