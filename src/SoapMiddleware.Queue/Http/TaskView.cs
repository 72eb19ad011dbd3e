using System.Text;
using System.Text.Json.Serialization;

namespace SoapMiddleware.Queue.Http;

/// <summary>
/// The JSON shape of a task for HTTP clients: its state, progress, and the SOAP result or fault as text. The management
/// API adds the stored request (<see cref="Payload"/>, the call's arguments) as text; the public task endpoint, which
/// answers whoever holds the handle, leaves it out, and who enqueued it (null members of those three are not written).
/// </summary>
internal sealed record TaskView(
    string Id,
    string Engine,
    string State,
    string Queue,
    string Service,
    string Operation,
    string? Display,
    int Attempt,
    int MaxAttempts,
    string? WorkerId,
    int? ProgressPercent,
    string? ProgressMessage,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NotBefore,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Result,
    string? ResultContentType,
    string? Fault,
    IReadOnlyList<TaskHistoryEntry>? History,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Payload = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PayloadContentType = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EnqueuedBy = null)
{
    public static TaskView From(QueuedTaskInfo task, IReadOnlyList<TaskHistoryEntry>? history = null) => new(
        task.Id,
        task.Engine,
        task.State.ToString(),
        task.Queue,
        task.Service,
        task.Operation,
        task.Display,
        task.Attempt,
        task.MaxAttempts,
        task.WorkerId,
        task.ProgressPercent,
        task.ProgressMessage,
        task.Reason,
        task.CreatedAt,
        task.NotBefore,
        task.StartedAt,
        task.FinishedAt,
        task.Result is null ? null : TextOf(task.Result, task.ResultContentType),
        task.ResultContentType,
        task.Fault is null ? null : TextOf(task.Fault, task.ResultContentType),
        history);

    /// <summary>The task with its history and its stored request as text, for the management API only.</summary>
    public static TaskView WithPayload(QueuedTaskInfo task, IReadOnlyList<TaskHistoryEntry> history)
        => From(task, history) with
        {
            Payload = TextOf(task.Payload ?? [], task.ContentType),
            PayloadContentType = task.ContentType,
            EnqueuedBy = task.EnqueuedBy,
        };

    /// <summary>
    /// Bytes as text: UTF-8 for the text formats (XML, JSON, text/*), where a stray byte shows as U+FFFD rather than
    /// failing the page; <c>base64:</c> and the bytes for a binary protocol (MessagePack), which UTF-8 would garble.
    /// </summary>
    internal static string TextOf(byte[] bytes, string? contentType)
    {
        var mediaType = Protocols.RpcMediaType.Of(contentType) ?? "";
        var text = mediaType.Length == 0
            || mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase);
        return text ? Encoding.UTF8.GetString(bytes) : "base64:" + Convert.ToBase64String(bytes);
    }
}
