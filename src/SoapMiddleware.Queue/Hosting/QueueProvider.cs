namespace SoapMiddleware.Queue;

/// <summary>The queue's storage.</summary>
public enum QueueProvider
{
    /// <summary>One SQLite file (WAL): the embedded default, for the workers of one process.</summary>
    Sqlite,

    /// <summary>PostgreSQL: many processes on many machines share one queue (needs SoapMiddleware.Queue.PostgreSql).</summary>
    PostgreSql,
}
