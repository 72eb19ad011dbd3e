using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SoapMiddleware.Queue.Storage;
using SoapMiddleware.Queue.Storage.Sqlite;

namespace SoapMiddleware.Queue.Tests.Workers;

/// <summary>The queue end to end on SQLite: one temporary file per test.</summary>
public sealed class SqliteQueueWorkerTests : QueueWorkerTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("soapmw-workers-").FullName;

    protected override IQueueStorage CreateStorageCore(TimeProvider time)
        => new SqliteQueueStorage(Path.Combine(_directory, "queue.db"), time, NullLogger.Instance);

    protected override Task CleanupAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
