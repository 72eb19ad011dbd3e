using Hangfire.Server;
using Hangfire.States;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// The worker a job was just handed to, caught as <see cref="RpcJobStateFilter"/> sees its Processing state
/// (<c>Hangfire.States.ProcessingState</c>) elected. Hangfire's worker elects that state synchronously and then performs
/// the job in the same execution context (on its own thread for the synchronous <see cref="RpcJob.Run"/>; a task started
/// from there would take the context with it), so an async-local slot carries the worker to <see cref="RpcJob"/>
/// without reading the state back from storage (a query per job). The job id guards against a
/// stale slot: anything that does not match falls back to reading the state.
/// </summary>
internal static class ElectedWorker
{
    private static readonly AsyncLocal<(string JobId, string ServerId, string WorkerId)?> Last = new();

    public static void Remember(string jobId, string? serverId, string? workerId)
        => Last.Value = string.IsNullOrEmpty(serverId) || string.IsNullOrEmpty(workerId) ? null : (jobId, serverId, workerId);

    /// <summary>
    /// The server and worker running the job: as elected just before the run, else as the Processing state names them
    /// (Hangfire's worker id is a GUID per worker loop); the worker is null when the state does not say.
    /// </summary>
    public static (string Server, string? Worker) Of(PerformContext context)
    {
        if (TryGet(context.BackgroundJob.Id, out var electedServer, out var electedWorker))
        {
            return (electedServer, electedWorker);
        }

        var state = context.Connection.GetStateData(context.BackgroundJob.Id);
        if (state is not null && string.Equals(state.Name, ProcessingState.StateName, StringComparison.OrdinalIgnoreCase)
            && state.Data is { } data && data.TryGetValue("ServerId", out var server) && data.TryGetValue("WorkerId", out var worker)
            && !string.IsNullOrEmpty(server) && !string.IsNullOrEmpty(worker))
        {
            return (server, worker);
        }

        return (context.ServerId ?? "hangfire", null);
    }

    /// <summary>The server and worker elected for <paramref name="jobId"/> in this execution context.</summary>
    public static bool TryGet(string jobId, out string serverId, out string workerId)
    {
        if (Last.Value is { } last && string.Equals(last.JobId, jobId, StringComparison.Ordinal))
        {
            (serverId, workerId) = (last.ServerId, last.WorkerId);
            return true;
        }

        (serverId, workerId) = (string.Empty, string.Empty);
        return false;
    }
}
