using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
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

    protected override IReadOnlyList<string> Migrations(string store) => PostgreSqlSchema.Migrations($"\"{_schemas.Schema(store)}\"");

    protected override string VersionTable(string store) => PostgreSqlSchema.VersionTable($"\"{_schemas.Schema(store)}\"");

    protected override string BlobType => "bytea";

    protected override async Task ExecuteSqlAsync(string store, string sql)
    {
        await using var connection = new NpgsqlConnection(_schemas.ConnectionString(store));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task CleanupAsync() => await _schemas.DisposeAsync();
}
