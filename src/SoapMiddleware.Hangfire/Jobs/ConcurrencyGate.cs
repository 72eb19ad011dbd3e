using System.Globalization;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Queue.Execution;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// Concurrency limits per operation on Hangfire, whose free packages have no throttling: the jobs of a limited
/// operation that run are kept in a storage set (<c>soapmw:running:{operation}</c>), read and written under a
/// distributed lock, so the limit holds across every server sharing the storage. A job over the limit is not run: it
/// is put back as Scheduled, so it waits without holding a worker, and no attempt is counted.
/// </summary>
internal sealed class ConcurrencyGate(QueuedCallExecutor executor, HangfireBackend backend, ILogger logger)
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Admits the run of the job in <paramref name="context"/>: true when its operation has a limit and the job took a
    /// place (<see cref="Leave"/> it when the run ends), false when the operation has no limit. At the limit, the job is
    /// put back as Scheduled, <see cref="OperationLimits.Recheck"/> from now (±25%, so waiting jobs do not all come back
    /// together): Hangfire's scheduler enqueues it again then, within its <c>SchedulePollingInterval</c>; this throws
    /// the exception that ends the run without another state change.
    /// </summary>
    public bool Enter(PerformContext context, string display, string operation)
    {
        if (executor.Limits.ConcurrencyOf(operation) is not { } limit)
        {
            return false;
        }

        var jobId = context.BackgroundJob.Id;
        if (TryEnter(context.Connection, operation, limit, jobId))
        {
            return true;
        }

        var delay = AttemptPolicy.Spread(executor.Limits.Recheck);
        var reason = string.Create(CultureInfo.InvariantCulture, $"Waiting: at most {limit} call(s) of {operation} run at once");
        HangfireEngineLog.WaitingForPlace(logger, display, jobId, operation, limit);
        throw RunStateChange.Apply(context, backend.FilterProvider, new ScheduledState(delay) { Reason = reason });
    }

    /// <summary>Records that the admitted run of the job in <paramref name="context"/> ended.</summary>
    public void Leave(PerformContext context, string operation)
    {
        var jobId = context.BackgroundJob.Id;
        try
        {
            using var transaction = context.Connection.CreateWriteTransaction();
            transaction.RemoveFromSet(Key(operation), jobId);
            transaction.Commit();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The next admission drops it anyway, once the job is no longer Processing.
            HangfireEngineLog.LeaveFailed(logger, ex, jobId, operation);
        }
    }

    /// <summary>
    /// Admits <paramref name="jobId"/> when fewer than <paramref name="limit"/> other jobs of <paramref name="operation"/>
    /// run, and records it as running; false when the operation is at its limit. A member of the set that is no longer
    /// Processing (it ended where nothing removed it, or was deleted) is dropped; one whose server died counts until
    /// Hangfire delivers it again, as a built-in task counts until its lease expires.
    /// </summary>
    private static bool TryEnter(IStorageConnection connection, string operation, int limit, string jobId)
    {
        var key = Key(operation);
        using (connection.AcquireDistributedLock(key + ":lock", LockTimeout))
        {
            var running = 0;
            var gone = new List<string>();
            foreach (var member in connection.GetAllItemsFromSet(key))
            {
                if (member == jobId)
                {
                    continue;
                }

                if (string.Equals(connection.GetStateData(member)?.Name, ProcessingState.StateName, StringComparison.OrdinalIgnoreCase))
                {
                    running++;
                }
                else
                {
                    gone.Add(member);
                }
            }

            var admitted = running < limit;
            if (admitted || gone.Count > 0)
            {
                using var transaction = connection.CreateWriteTransaction();
                foreach (var member in gone)
                {
                    transaction.RemoveFromSet(key, member);
                }

                if (admitted)
                {
                    transaction.AddToSet(key, jobId);
                }

                transaction.Commit();
            }

            return admitted;
        }
    }

    private static string Key(string operation) => "soapmw:running:" + operation;
}
