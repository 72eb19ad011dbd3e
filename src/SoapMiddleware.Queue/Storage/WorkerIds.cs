using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Queue.Storage;

/// <summary>
/// One worker identity on the built-in engine. A fetch leases tasks for a process (<c>{host}:{pid}:{tag}</c>), a
/// prefetched task belongs to no worker yet; the worker that runs it (<c>{process}/{n}</c>, the id the workers API
/// lists) then names itself on the task, in writes that happen anyway: its row's heartbeat (within 100 ms of the start),
/// progress, and the outcome. So a running or finished task's <c>worker_id</c> is the worker's id, and the ownership
/// checks accept the process or any of its workers. The SQL is shared by both stores (parameter <c>$w</c> / <c>@w</c>).
/// </summary>
/// <remarks>Public for SQL storages of other packages, which must keep the same rule.</remarks>
public static class WorkerIds
{
    /// <summary>The task's <c>worker_id</c> is <c>$w</c>, the process of worker <c>$w</c>, or a worker of process <c>$w</c>.</summary>
    public const string SqliteHeldBy =
        "(worker_id = $w OR substr($w, 1, length(worker_id) + 1) = worker_id || '/' OR substr(worker_id, 1, length($w) + 1) = $w || '/')";

    /// <summary>Sets <c>worker_id</c> to <c>$w</c> when <c>$w</c> is the more specific id (a worker, not its process).</summary>
    public const string SqliteNameWorker = "worker_id = CASE WHEN length($w) > length(worker_id) THEN $w ELSE worker_id END";

    /// <summary><see cref="SqliteHeldBy"/> for PostgreSQL.</summary>
    public const string PostgreSqlHeldBy =
        "(worker_id = @w OR substr(@w, 1, length(worker_id) + 1) = worker_id || '/' OR substr(worker_id, 1, length(@w) + 1) = @w || '/')";

    /// <summary><see cref="SqliteNameWorker"/> for PostgreSQL.</summary>
    public const string PostgreSqlNameWorker = "worker_id = CASE WHEN length(@w) > length(worker_id) THEN @w ELSE worker_id END";

    /// <summary>The row id of the task a worker's row says it runs, or null.</summary>
    public static long? CurrentRow(WorkerStatus status)
        => status.CurrentTaskId is { } handle && TaskHandle.TryParse(handle, out long id, out _) ? id : null;
}
