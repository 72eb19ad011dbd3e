using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage.Monitoring;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Hangfire;

/// <summary>Hangfire's state names and history, in the queue's terms.</summary>
internal static class JobStates
{
    /// <summary>The queue's state for a Hangfire state name; null for a state the queue does not know (a custom one).</summary>
    public static QueuedTaskState? Map(string? stateName) => stateName switch
    {
        _ when Is(stateName, EnqueuedState.StateName) => QueuedTaskState.Enqueued,
        _ when Is(stateName, ScheduledState.StateName) || Is(stateName, AwaitingState.StateName) => QueuedTaskState.Scheduled,
        _ when Is(stateName, ProcessingState.StateName) => QueuedTaskState.Processing,
        _ when Is(stateName, SucceededState.StateName) => QueuedTaskState.Succeeded,
        _ when Is(stateName, FailedState.StateName) => QueuedTaskState.Failed,
        _ when Is(stateName, DeletedState.StateName) => QueuedTaskState.Deleted,
        _ => null,
    };

    public static bool Is(string? stateName, string expected) => string.Equals(stateName, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>A job's history, newest first, whatever order the storage returns it in.</summary>
    public static List<StateHistoryDto> NewestFirst(IList<StateHistoryDto>? history)
    {
        var list = history?.Where(h => h is not null).ToList() ?? [];
        if (list.Count > 1 && list[0].CreatedAt < list[^1].CreatedAt)
        {
            list.Reverse();
        }

        return list;
    }

    /// <summary><c>{server}/{worker}</c> of a Processing state's data, or null.</summary>
    public static string? WorkerOf(IDictionary<string, string>? data)
        => data is not null && data.TryGetValue("ServerId", out var server) && !string.IsNullOrEmpty(server)
            ? data.TryGetValue("WorkerId", out var worker) && !string.IsNullOrEmpty(worker) ? HangfireWorkers.Format(server, worker) : server
            : null;

    public static DateTimeOffset Utc(DateTime value)
        => value.Kind == DateTimeKind.Local ? new DateTimeOffset(value.ToUniversalTime()) : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    /// <summary>A date in a state's data (Hangfire writes ISO 8601, older versions Unix milliseconds).</summary>
    public static DateTimeOffset? DateIn(IDictionary<string, string>? data, string key)
    {
        if (data is null || !data.TryGetValue(key, out var raw) || string.IsNullOrEmpty(raw))
        {
            return null;
        }

        try
        {
            return Utc(JobHelper.DeserializeNullableDateTime(raw));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
