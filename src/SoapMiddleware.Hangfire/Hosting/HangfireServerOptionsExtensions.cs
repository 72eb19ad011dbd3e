using SoapMiddleware.Queue;

namespace Hangfire;

/// <summary>Hangfire server settings from the queue's options.</summary>
public static class HangfireServerOptionsExtensions
{
    /// <summary>
    /// Sets the server's worker count from <see cref="RpcQueueOptions.Workers"/> (at least 1), its queues from
    /// <see cref="RpcQueueOptions.Queues"/> (in that order: some storages take it as priority), and its shutdown timeout
    /// from <see cref="RpcQueueOptions.ShutdownTimeout"/>:
    /// <c>services.AddHangfireServer((sp, o) => o.UseRpcQueueOptions(sp.GetRequiredService&lt;IOptions&lt;RpcQueueOptions&gt;&gt;().Value))</c>.
    /// Whether to add a server at all follows <see cref="RpcQueueOptions.Role"/> (none for <see cref="QueueRole.Web"/>);
    /// the lease (<see cref="RpcQueueOptions.LeaseTimeout"/>) is the storage's invisibility timeout, set on the storage.
    /// </summary>
    /// <param name="server">The Hangfire server's options.</param>
    /// <param name="queue">The queue's options.</param>
    /// <returns><paramref name="server"/>.</returns>
    public static BackgroundJobServerOptions UseRpcQueueOptions(this BackgroundJobServerOptions server, RpcQueueOptions queue)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(queue);
        server.WorkerCount = Math.Max(queue.Workers, 1);
        server.Queues = queue.Queues.Where(q => !string.IsNullOrEmpty(q)).Distinct(StringComparer.Ordinal).ToArray();
        server.ShutdownTimeout = queue.ShutdownTimeout;
        return server;
    }
}
