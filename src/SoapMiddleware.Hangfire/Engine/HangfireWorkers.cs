using System.Globalization;

namespace SoapMiddleware.Hangfire;

/// <summary>Worker ids: <c>{server name}/{worker id}</c> for workers that ran a call, <c>{server name}/#{n}</c> for the others.</summary>
internal static class HangfireWorkers
{
    public static string Format(string serverId, string workerId) => serverId + "/" + workerId;

    public static string Idle(string serverId, int index) => serverId + "/#" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Hangfire names servers <c>{name}:{pid}:{guid}</c>, the name being the app's <c>ServerName</c> or the machine's:
    /// the host and process when readable.
    /// </summary>
    public static (string Host, int ProcessId) Describe(string serverName)
    {
        var parts = serverName.Split(':');
        if (parts.Length >= 3)
        {
            return (string.Join(':', parts[..^2]), Pid(parts[^2]));
        }

        return (parts[0], parts.Length > 1 ? Pid(parts[1]) : 0);
    }

    /// <summary>
    /// Whether Hangfire named <paramref name="serverName"/> after this process when the app set no <c>ServerName</c>
    /// (Hangfire's own rule: the machine's name, lowercased, and the process id).
    /// </summary>
    public static bool IsThisProcess(string serverName)
    {
        var (host, pid) = Describe(serverName);
        return pid == Environment.ProcessId && string.Equals(host, DefaultName, StringComparison.Ordinal);
    }

    private static string DefaultName { get; } = (Environment.GetEnvironmentVariable("COMPUTERNAME")
        ?? Environment.GetEnvironmentVariable("HOSTNAME")
        ?? Environment.MachineName).ToLowerInvariant();

    private static int Pid(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0;
}
