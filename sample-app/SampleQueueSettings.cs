using SoapMiddleware.Queue;

namespace SampleApp;

/// <summary>
/// The sample's own reading of the <c>Queue</c> section: which engine and storage to use. The library chooses them in
/// code (<c>UseSqlite</c>, <c>UsePostgreSql</c>, <c>UseHangfire</c>); this maps the configuration keys onto those calls.
/// </summary>
public sealed class SampleQueueSettings
{
    /// <summary><c>Builtin</c> (default) or <c>Hangfire</c>.</summary>
    public string Engine { get; set; } = "Builtin";

    /// <summary>Builtin: <c>Sqlite</c> (default) or <c>PostgreSql</c>. Hangfire: <c>InMemory</c> (default), <c>PostgreSql</c> or <c>SqlServer</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>The storage's connection string (SQLite: a file path; empty means a file next to the app).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Worker count in this process.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>What this process does.</summary>
    public QueueRole Role { get; set; } = QueueRole.All;

    /// <summary>Built-in lease; Hangfire's invisibility timeout where the storage has one.</summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Calls one caller may enqueue per <see cref="EnqueueWindow"/> (<c>POST /queue/calculator</c>, <c>/demo/sleep</c>); 0 = no limit.</summary>
    public int EnqueueLimit { get; set; } = 120;

    /// <summary>The window of <see cref="EnqueueLimit"/>.</summary>
    public TimeSpan EnqueueWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The authorization policy of the management surfaces; empty = local requests only.</summary>
    public string? ManagementPolicy { get; set; }

    /// <summary>The provider, or the engine's default (<c>Sqlite</c> on Builtin, <c>InMemory</c> on Hangfire) when empty.</summary>
    public string EffectiveProvider => string.IsNullOrWhiteSpace(Provider) ? (IsHangfire ? "InMemory" : "Sqlite") : Provider;

    /// <summary>True for <c>Queue:Engine=Hangfire</c>.</summary>
    public bool IsHangfire => string.Equals(Engine, "Hangfire", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string, or a clear error naming the key when the provider needs one.</summary>
    public string RequireConnectionString()
        => string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new InvalidOperationException($"Queue:Provider is {EffectiveProvider} (engine {Engine}) but Queue:ConnectionString is empty.")
            : ConnectionString;
}
