using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SoapMiddleware.Queue.PostgreSql;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.QueueBench;

/// <summary>An empty store per measurement: a fresh SQLite file, or a fresh PostgreSQL schema.</summary>
internal static class Stores
{
    public static async Task<IQueueStorage> Fresh(string provider, string connection, string name)
    {
        IQueueStorage storage;
        if (provider == "postgresql")
        {
            var schema = "bench_" + name;
            await using (var admin = new NpgsqlConnection(connection))
            {
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}", admin);
                await drop.ExecuteNonQueryAsync();
            }

            storage = new PostgreSqlQueueStorage(new NpgsqlConnectionStringBuilder(connection) { SearchPath = schema }.ToString(), TimeProvider.System, NullLogger.Instance);
        }
        else
        {
            var path = Path.ChangeExtension(connection, "." + name + ".db");
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }

            storage = new SoapMiddleware.Queue.Storage.Sqlite.SqliteQueueStorage(path, TimeProvider.System, NullLogger.Instance);
        }

        await storage.InitializeAsync();
        return storage;
    }
}
