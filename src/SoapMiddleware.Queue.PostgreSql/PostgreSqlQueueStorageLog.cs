using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Queue.PostgreSql;

/// <summary>Log messages of <see cref="PostgreSqlQueueStorage"/>.</summary>
internal static partial class PostgreSqlQueueStorageLog
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "PostgreSQL queue schema migrated to version {Version}")]
    public static partial void Migrated(ILogger logger, int version);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "PostgreSQL LISTEN connection failed; reconnecting")]
    public static partial void ListenFailed(ILogger logger, Exception exception);
}
