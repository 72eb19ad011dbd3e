using Microsoft.Extensions.Logging.Abstractions;
using SoapMiddleware.Queue.PostgreSql;
using SoapMiddleware.Queue.Storage;
using SoapMiddleware.Queue.Tests.Storage;

namespace SoapMiddleware.Queue.Tests.Workers;

/// <summary>The queue end to end on PostgreSQL: one schema per test.</summary>
[RequiresPostgreSql]
public sealed class PostgreSqlQueueWorkerTests : QueueWorkerTests
{
    private readonly PostgreSqlTestSchemas _schemas = new();

    protected override IQueueStorage CreateStorageCore(TimeProvider time)
        => new PostgreSqlQueueStorage(_schemas.ConnectionString("workers"), time, NullLogger.Instance);

    protected override async Task CleanupAsync() => await _schemas.DisposeAsync();
}
