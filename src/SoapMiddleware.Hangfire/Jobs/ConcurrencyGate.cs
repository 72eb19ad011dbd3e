using Hangfire.States;
using Hangfire.Storage;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// Concurrency limits per operation on Hangfire, whose free packages have no throttling: the jobs of a limited
/// operation that run are kept in a storage set (<c>soapmw:running:{operation}</c>), read and written under a
/// distributed lock, so the limit holds across every server sharing the storage. A job over the limit is not run:
/// <see cref="RpcJob"/> puts it back as Scheduled, so it waits without holding a worker.
/// </summary>
internal static class ConcurrencyGate
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Admits <paramref name="jobId"/> when fewer than <paramref name="limit"/> other jobs of <paramref name="operation"/>
    /// run, and records it as running; false when the operation is at its limit. A member of the set that is no longer
    /// Processing (it ended where nothing removed it, or was deleted) is dropped; one whose server died counts until
    /// Hangfire delivers it again, as a built-in task counts until its lease expires.
    /// </summary>
    public static bool TryEnter(IStorageConnection connection, string operation, int limit, string jobId)
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

    /// <summary>Records that the admitted run of <paramref name="jobId"/> ended.</summary>
    public static void Leave(IStorageConnection connection, string operation, string jobId)
    {
        using var transaction = connection.CreateWriteTransaction();
        transaction.RemoveFromSet(Key(operation), jobId);
        transaction.Commit();
    }

    private static string Key(string operation) => "soapmw:running:" + operation;
}
