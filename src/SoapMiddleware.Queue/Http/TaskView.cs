using System.Text;
using System.Text.Json.Serialization;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Http;

/// <summary>
/// The JSON shape of a task for HTTP clients: its state, progress, and the SOAP result or fault as text. The management
/// API adds the stored request (<see cref="Payload"/>, the call's arguments) as text; the public task endpoint, which
/// answers whoever holds the handle, leaves it out (null members of those two are not written).
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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PayloadContentType = null)
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
        task.Result is null ? null : Encoding.UTF8.GetString(task.Result),
        task.ResultContentType,
        task.Fault is null ? null : Encoding.UTF8.GetString(task.Fault),
        history);

    /// <summary>The task with its history and its stored request as text, for the management API only.</summary>
    public static TaskView WithPayload(QueuedTaskInfo task, IReadOnlyList<TaskHistoryEntry> history)
        => From(task, history) with
        {
            // Requests are SOAP or JSON, UTF-8 as enqueued; a stray byte shows as U+FFFD rather than failing the page.
            Payload = Encoding.UTF8.GetString(task.Payload ?? []),
            PayloadContentType = task.ContentType,
        };
}
