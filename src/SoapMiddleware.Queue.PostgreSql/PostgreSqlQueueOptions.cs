namespace SoapMiddleware.Queue.PostgreSql;

/// <summary>
/// Options of the built-in engine's PostgreSQL storage: <c>UsePostgreSql(connectionString, o =&gt; ...)</c> sets them in
/// code, then the <c>PostgreSql</c> key under the queue's configuration section (<c>Queue:PostgreSql:Schema</c>)
/// overrides them.
/// </summary>
public sealed class PostgreSqlQueueOptions
{
    /// <summary>
    /// The schema of the queue's tables, created at startup when missing. Two schemas in one database are two
    /// independent queues: each has its own tables and its own <c>NOTIFY</c> channel. A name of a letter or underscore
    /// followed by letters, digits, underscores or <c>$</c>, at most 63 bytes, not starting with <c>pg_</c>; it is quoted
    /// in every statement, so its case is kept (<c>Rpc</c> and <c>rpc</c> are two schemas). When unset or empty: the first
    /// schema of the connection string's <c>Search Path</c>, else <c>public</c>.
    /// </summary>
    public string? Schema { get; set; }
}
