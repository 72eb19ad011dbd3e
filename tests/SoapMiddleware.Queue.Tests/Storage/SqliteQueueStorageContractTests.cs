using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SoapMiddleware.Queue.Storage;
using SoapMiddleware.Queue.Storage.Sqlite;

namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>The storage contract on SQLite, one temporary file per store.</summary>
public sealed class SqliteQueueStorageContractTests : QueueStorageContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("soapmw-sqlite-").FullName;

    protected override IQueueStorage CreateStorageCore(TimeProvider time, string store) =>
        new SqliteQueueStorage(Path.Combine(_directory, store + ".db"), time, NullLogger.Instance);

    protected override IReadOnlyList<string> Migrations(string store) => SqliteSchema.Migrations;

    protected override string VersionTable(string store) => SqliteSchema.VersionTable;

    protected override string BlobType => "BLOB";

    protected override async Task ExecuteSqlAsync(string store, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, store + ".db") }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override Task CleanupAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task WaitForWork_NothingEnqueued_ReturnsFalseWhenTheClockPassesTheTimeout()
    {
        var waiting = Storage.Queue.WaitForWorkAsync(Default, TimeSpan.FromSeconds(30));
        Assert.False(waiting.IsCompleted);

        Time.Advance(TimeSpan.FromSeconds(30));

        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
