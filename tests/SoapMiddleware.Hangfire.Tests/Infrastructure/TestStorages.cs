using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Npgsql;

namespace SoapMiddleware.Hangfire.Tests.Infrastructure;

/// <summary>Fresh Hangfire storages: a new InMemory storage, or a new schema on the test PostgreSQL server per host.</summary>
public static class TestStorages
{
    public static JobStorage InMemory() => new InMemoryStorage(new InMemoryStorageOptions());

    /// <summary>A PostgreSQL storage in a schema of its own (Hangfire creates its tables there); <paramref name="schemas"/> drops it.</summary>
    public static JobStorage PostgreSql(PostgreSqlSchemas schemas) => PostgreSql(schemas.NewSchema());

    /// <summary>A PostgreSQL storage in <paramref name="schema"/>: storages built with the same schema share their jobs, as separate processes would.</summary>
    public static JobStorage PostgreSql(string schema)
    {
        var connectionString = TestEnvironment.PostgreSql ?? throw new InvalidOperationException(TestEnvironment.PostgreSqlSkip);
        var options = PostgreSqlOptions(schema);
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options, null), options);
    }

    public static PostgreSqlStorageOptions PostgreSqlOptions(string schema) => new()
    {
        SchemaName = schema,
        PrepareSchemaIfNecessary = true,
        QueuePollInterval = TimeSpan.FromMilliseconds(200),
        InvisibilityTimeout = TimeSpan.FromMinutes(1),
        UseSlidingInvisibilityTimeout = true,
        DistributedLockTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>A PostgreSQL storage pointing at a port nothing listens on, built without touching it.</summary>
    public static JobStorage UnreachablePostgreSql()
    {
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false };
        var connectionString = "Host=127.0.0.1;Port=1;Username=postgres;Database=postgres;Timeout=2;Pooling=false";
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options, null), options);
    }

    public static JobStorage SqlServer()
    {
        var connectionString = TestEnvironment.SqlServer ?? throw new InvalidOperationException(TestEnvironment.SqlServerSkip);
        return new SqlServerStorage(connectionString, new SqlServerStorageOptions
        {
            SchemaName = "hf_" + Guid.NewGuid().ToString("N")[..12],
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromMilliseconds(200),
            SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance,
        });
    }
}
