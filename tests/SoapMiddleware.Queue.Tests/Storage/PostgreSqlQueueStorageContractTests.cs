using Microsoft.Extensions.Logging.Abstractions;
using SoapMiddleware.Queue.PostgreSql;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>The storage contract on PostgreSQL, one schema per store; skipped when <c>SOAPMW_PG_CONNECTION</c> is not set.</summary>
[RequiresPostgreSql]
public sealed class PostgreSqlQueueStorageContractTests : QueueStorageContractTests
{
    private readonly PostgreSqlTestSchemas _schemas = new();

    protected override IQueueStorage CreateStorageCore(TimeProvider time, string store) =>
        new PostgreSqlQueueStorage(_schemas.ConnectionString(store), time, NullLogger.Instance);

    protected override async Task CleanupAsync() => await _schemas.DisposeAsync();
}
