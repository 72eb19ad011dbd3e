using System.Globalization;

namespace SoapMiddleware.Queue.Storage;

/// <summary>The reasons written to the history, shared by every store so the dashboard reads the same text.</summary>
internal static class TaskReasons
{
    public const string Enqueued = "Enqueued";
    public const string RetriedByUser = "Retried by user";
    public const string DeletedByUser = "Deleted by user";
    public const string Succeeded = "Succeeded";

    public static string Scheduled(long notBeforeMs) => "Scheduled for " + Format(notBeforeMs);

    public static string Fetched(int attempt) => "Fetched, attempt " + attempt.ToString(CultureInfo.InvariantCulture);

    public static string Redelivered(int attempt, string? previousWorker) =>
        $"Lease of {previousWorker ?? "?"} expired: redelivered, attempt {attempt.ToString(CultureInfo.InvariantCulture)}";

    public static string Retry(int attempt, int maxAttempts, long retryAtMs, string reason) =>
        string.Create(CultureInfo.InvariantCulture, $"Retry {attempt} of {Math.Max(maxAttempts - 1, 0)} at {Format(retryAtMs)}: {reason}");

    public static string Released(string reason) => "Released: " + reason;

    public static string WorkerDead(string workerId) => $"Worker {workerId} is dead: lease released";

    private static string Format(long ms) => UnixTime.FromMs(ms).ToString("O", CultureInfo.InvariantCulture);
}
