using System.Globalization;

namespace SoapMiddleware.Queue.Storage;

/// <summary>
/// The reasons written to a task's history, shared by every storage and engine so the dashboard reads the same text.
/// A storage of your own writes these too.
/// </summary>
public static class TaskReasons
{
    /// <summary>A task stored to run now.</summary>
    public const string Enqueued = "Enqueued";
    /// <summary>A task a person put back in its queue.</summary>
    public const string RetriedByUser = "Retried by user";
    /// <summary>A task a person deleted.</summary>
    public const string DeletedByUser = "Deleted by user";
    /// <summary>A task whose call returned.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>A task stored to run at a later time (unix milliseconds).</summary>
    public static string Scheduled(long notBeforeMs) => "Scheduled for " + Format(notBeforeMs);

    /// <summary>A task leased to a worker for its attempt.</summary>
    public static string Fetched(int attempt) => "Fetched, attempt " + attempt.ToString(CultureInfo.InvariantCulture);

    /// <summary>A task leased again because its previous worker's lease expired.</summary>
    public static string Redelivered(int attempt, string? previousWorker) =>
        $"Lease of {previousWorker ?? "?"} expired: redelivered, attempt {attempt.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A failed attempt that will be retried at a time (unix milliseconds).</summary>
    public static string Retry(int attempt, int maxAttempts, long retryAtMs, string reason) =>
        string.Create(CultureInfo.InvariantCulture, $"Retry {attempt} of {Math.Max(maxAttempts - 1, 0)} at {Format(retryAtMs)}: {reason}");

    /// <summary>A running task put back without counting the attempt (graceful shutdown).</summary>
    public static string Released(string reason) => "Released: " + reason;

    /// <summary>A task released because its worker stopped beating.</summary>
    public static string WorkerDead(string workerId) => $"Worker {workerId} is dead: lease released";

    private static string Format(long ms) => UnixTime.FromMs(ms).ToString("O", CultureInfo.InvariantCulture);
}
