using System.Globalization;
using System.Text;
using System.Text.Json;
using SoapMiddleware.Queue;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// The stored form of a worker's row (a <see cref="WorkerStatus"/>) and of a <see cref="ServerSnapshot"/>: plain JSON with fixed names, never
/// CLR type names (other processes, other versions, read them). A worker's whole row is one field, so writing it is one
/// statement on SQL storages however many of its values changed.
/// </summary>
internal static class WorkerRecordJson
{
    public const string StoppedState = "Stopped";

    /// <summary>
    /// The stored form of a worker's row: its state, call, progress, counts and times. The worker's id, host and process
    /// are not stored (the server's id and the field name say them), so the reader sets them.
    /// </summary>
    public static string Write(WorkerStatus row) => Json(json =>
    {
        json.WriteString("state", row.State.ToString());
        json.WriteString("task", row.CurrentTaskId);
        json.WriteString("operation", row.CurrentOperation);
        if (row.ProgressPercent is { } percent)
        {
            json.WriteNumber("percent", percent);
        }
        else
        {
            json.WriteNull("percent");
        }

        json.WriteString("message", row.ProgressMessage);
        json.WriteNumber("processed", row.Processed);
        json.WriteNumber("failed", row.Failed);
        json.WriteString("last", row.LastTaskId);
        json.WriteString("startedAt", row.StartedAt);
        json.WriteString("heartbeat", row.HeartbeatAt);
    });

    public static string Write(ServerSnapshot server) => Json(json =>
    {
        json.WriteString("state", server.State);
        json.WriteNumber("workers", server.Workers);
        json.WriteString("startedAt", server.StartedAt);
        json.WriteString("stoppedAt", server.StoppedAt);
    });

    /// <summary>
    /// The row, or null when <paramref name="raw"/> is not one (a newer or damaged value is skipped, not fatal). Its
    /// <see cref="WorkerStatus.WorkerId"/> is empty and its host and process unset: the caller knows them.
    /// </summary>
    public static WorkerStatus? ReadWorker(string? raw) => Read(raw, root => new WorkerStatus
    {
        WorkerId = "",
        State = Enum.TryParse<WorkerState>(String(root, "state"), ignoreCase: false, out var state) ? state : WorkerState.Idle,
        CurrentTaskId = String(root, "task"),
        CurrentOperation = String(root, "operation"),
        ProgressPercent = root.TryGetProperty("percent", out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var percent) ? percent : null,
        ProgressMessage = String(root, "message"),
        Processed = Long(root, "processed"),
        Failed = Long(root, "failed"),
        LastTaskId = String(root, "last"),
        StartedAt = Date(root, "startedAt"),
        HeartbeatAt = Date(root, "heartbeat"),
    });

    public static ServerSnapshot? ReadServer(string? raw) => Read(raw, root => new ServerSnapshot
    {
        State = String(root, "state") ?? "",
        Workers = (int)Math.Clamp(Long(root, "workers"), 0, int.MaxValue),
        StartedAt = Date(root, "startedAt"),
        StoppedAt = Date(root, "stoppedAt"),
    });

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static T? Read<T>(string? raw, Func<JsonElement, T> read) where T : class
    {
        if (string.IsNullOrEmpty(raw) || raw[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(raw);
            return document.RootElement.ValueKind == JsonValueKind.Object ? read(document.RootElement) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long Long(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : 0;

    private static DateTimeOffset Date(JsonElement root, string name)
        => String(root, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.ToUniversalTime()
            : DateTimeOffset.UnixEpoch;
}
