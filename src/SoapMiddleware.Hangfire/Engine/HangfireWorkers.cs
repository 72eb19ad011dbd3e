namespace SoapMiddleware.Hangfire;

/// <summary>Worker ids: <c>{server name}/{worker id}</c> for busy workers, <c>{server name}/#{n}</c> for idle ones.</summary>
internal static class HangfireWorkers
{
    public static string Format(string serverId, string workerId) => serverId + "/" + workerId;

    public static string Idle(string serverId, int index) => serverId + "/#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Hangfire names servers <c>host:pid:guid</c> (or whatever the app set): the host and process when readable.</summary>
    public static (string Host, int ProcessId) Describe(string serverName)
    {
        var parts = serverName.Split(':');
        var host = parts[0];
        var pid = parts.Length > 1 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 0;
        return (host, pid);
    }
}
