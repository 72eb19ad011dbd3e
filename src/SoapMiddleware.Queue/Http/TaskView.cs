using System.Text;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Http;

/// <summary>The JSON shape of a task for HTTP clients: its state, progress, and the SOAP result or fault as text.</summary>
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
    IReadOnlyList<TaskHistoryEntry>? History)
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
}
