using Npgsql;

namespace SoapMiddleware.Hangfire.Tests.Infrastructure;

/// <summary>The PostgreSQL schemas a test class created, dropped when it ends.</summary>
public sealed class PostgreSqlSchemas : IAsyncDisposable
{
    private readonly List<string> _schemas = [];
    private readonly Lock _gate = new();

    public string NewSchema()
    {
        var schema = "hf_" + Guid.NewGuid().ToString("N")[..16];
        lock (_gate)
        {
            _schemas.Add(schema);
        }

        return schema;
    }

    public async ValueTask DisposeAsync()
    {
        if (TestEnvironment.PostgreSql is not { } connectionString || _schemas.Count == 0)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var schema in _schemas)
        {
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
