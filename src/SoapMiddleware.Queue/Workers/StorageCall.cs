using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Queue.Workers;

/// <summary>
/// A storage call a worker loop must survive: a failure is logged and the loop goes on, because the leases decide
/// what happens to the tasks involved (a task not recorded is simply delivered again).
/// </summary>
internal static class StorageCall
{
    public static async Task TryAsync(ILogger logger, string what, Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            QueueLog.StorageFailed(logger, what, TimeSpan.Zero, ex);
        }
    }
}
