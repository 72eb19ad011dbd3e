namespace SoapMiddleware.Queue;

/// <summary>How the built-in engine uses its SQLite file (<c>UseSqlite(path, o =&gt; ...)</c>).</summary>
public sealed class SqliteQueueOptions
{
    /// <summary>
    /// Whether every commit is flushed to disk before it returns (<c>PRAGMA synchronous=FULL</c>). Default true: a 202
    /// from the enqueue endpoint survives a power loss or an OS crash. False (<c>NORMAL</c>, WAL) is faster, survives a
    /// process crash, but may lose the last commits on power loss (SQLite's own documentation).
    /// </summary>
    public bool DurableCommits { get; set; } = true;

    /// <summary>
    /// Whether to run <c>PRAGMA quick_check</c> when the queue starts, so a corrupted file stops the start (naming the
    /// file) instead of failing calls later. Default true; it reads the whole file (see the README for its cost).
    /// </summary>
    public bool QuickCheckAtStartup { get; set; } = true;
}
