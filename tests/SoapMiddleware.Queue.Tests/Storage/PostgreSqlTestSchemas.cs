using Npgsql;

namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>Throwaway schemas, one per test store, so tests on one server run in parallel without meeting.</summary>
public sealed class PostgreSqlTestSchemas : IAsyncDisposable
{
    private readonly string _prefix = "t_" + Guid.NewGuid().ToString("N")[..16];
    private readonly Dictionary<string, string> _created = [];

    private static string Admin => PostgreSqlTestEnvironment.ConnectionString
        ?? throw new InvalidOperationException(PostgreSqlTestEnvironment.SkipReason);

    /// <summary>A connection string whose search path is the schema for <paramref name="store"/>, created on first use.</summary>
    public string ConnectionString(string store)
    {
        if (!_created.TryGetValue(store, out var connectionString))
        {
            var schema = $"{_prefix}_{store}";
            using (var connection = new NpgsqlConnection(Admin))
            {
                connection.Open();
                using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
                command.ExecuteNonQuery();
            }

            connectionString = new NpgsqlConnectionStringBuilder(Admin) { SearchPath = schema, MaxPoolSize = 20 }.ToString();
            _created[store] = connectionString;
        }

        return connectionString;
    }

    /// <summary>The schema of <paramref name="store"/>, created on first use.</summary>
    public string Schema(string store)
    {
        ConnectionString(store);
        return $"{_prefix}_{store}";
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        foreach (var (store, connectionString) in _created)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_prefix}_{store} CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
