using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Queue.Storage.Sqlite;

/// <summary>Log messages of <see cref="SqliteQueueStorage"/>.</summary>
internal static partial class SqliteQueueStorageLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "SQLite queue schema migrated to version {Version}")]
    public static partial void Migrated(ILogger logger, int version);
}
