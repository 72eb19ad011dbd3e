namespace SoapMiddleware.Hangfire;

/// <summary>
/// Where the worker rows live in the application's Hangfire storage, with primitives every <c>JobStorage</c> has: one
/// hash per Hangfire server, a field per worker (named by Hangfire's worker id) plus <see cref="ServerField"/>, and a set
/// naming the servers that have such a hash. One hash per server, not per worker, so reading the rows costs one query
/// per server however many workers it has.
/// </summary>
internal static class WorkerRecordKeys
{
    /// <summary>The set of server ids with a hash.</summary>
    public const string Servers = "soapmw:worker-servers";

    /// <summary>The server's own field (<see cref="ServerSnapshot"/>); worker fields are GUIDs, so never clash with it.</summary>
    public const string ServerField = "server";

    /// <summary>Rows of servers nobody writes any more (stopped, killed) disappear after this.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    /// <summary>How often a live process pushes its rows' expiry back (well within <see cref="Lifetime"/>).</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromHours(1);

    /// <summary>The hash of <paramref name="serverId"/>'s workers.</summary>
    public static string Server(string serverId) => "soapmw:workers:" + serverId;
}
