using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.PostgreSql;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>
/// <see cref="PostgreSqlQueueOptions.Schema"/> on a real server: the schema is created, every statement uses it (the
/// caller's transaction too, whatever its search path), and two schemas in one database are two independent queues,
/// wake-ups included.
/// </summary>
public sealed class PostgreSqlSchemaTests : IAsyncLifetime
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private readonly List<PostgreSqlQueueStorage> _storages = [];
    private readonly List<string> _schemas = [];

    private static string Admin => PostgreSqlTestEnvironment.ConnectionString!;

    public System.Threading.Tasks.Task InitializeAsync() => System.Threading.Tasks.Task.CompletedTask;

    public async System.Threading.Tasks.Task DisposeAsync()
    {
        foreach (var storage in _storages)
        {
            await storage.DisposeAsync();
        }

        if (_schemas.Count > 0)
        {
            await using var connection = new NpgsqlConnection(Admin);
            await connection.OpenAsync();
            foreach (var schema in _schemas)
            {
                await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    [PostgreSqlFact]
    public async Task TwoSchemasInOneDatabase_AreTwoIndependentQueues()
    {
        var a = await CreateAsync(Schema("a"));
        var b = await CreateAsync(Schema("b"));

        var id = await a.Tasks.EnqueueAsync(Task("<a/>"));

        Assert.Empty(await b.Queue.FetchAsync(["default"], "w", 10, TimeSpan.FromMinutes(1)));
        Assert.Null(await b.Tasks.GetAsync(id));
        Assert.Empty(await b.Monitoring.ListAsync(null, null, 0, 10));
        Assert.Equal(id, Assert.Single(await a.Queue.FetchAsync(["default"], "w", 10, TimeSpan.FromMinutes(1))).Id);
        var idInB = await b.Tasks.EnqueueAsync(Task("<b/>"));
        Assert.Equal(idInB, Assert.Single(await b.Queue.FetchAsync(["default"], "w", 10, TimeSpan.FromMinutes(1))).Id);
    }

    [PostgreSqlFact]
    public async Task TwoSchemas_EnqueueInOne_WakesOnlyItsOwnWorkers()
    {
        var workerA = await CreateAsync(Schema("a"));
        var workerB = await CreateAsync(Schema("b"));
        var producerA = await CreateAsync(Schema("a"));
        foreach (var worker in new[] { workerA, workerB })
        {
            _ = worker.WaitForWorkAsync(["default"], TimeSpan.FromSeconds(30));
            await worker.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        }

        var waitingA = workerA.WaitForWorkAsync(["default"], TimeSpan.FromSeconds(30));
        var waitingB = workerB.WaitForWorkAsync(["default"], TimeSpan.FromSeconds(3));

        await producerA.Tasks.EnqueueAsync(Task("<a/>"));

        Assert.True(await waitingA.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(await waitingB.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [PostgreSqlFact]
    public async Task Schema_Missing_IsCreatedWithItsCaseKept_AndHoldsTheTables()
    {
        var schema = Schema("Mixed");

        var storage = await CreateAsync(schema);

        Assert.Equal(schema, storage.Schema);
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand(
            "SELECT count(*)::int FROM pg_tables WHERE schemaname = @s AND tablename IN ('queue_task', 'queue_task_history', 'queue_worker', 'queue_subscription', 'queue_recurring', 'schema_version')",
            connection);
        tables.Parameters.AddWithValue("s", schema);
        Assert.Equal(6, (int)(await tables.ExecuteScalarAsync())!);
    }

    [PostgreSqlFact]
    public async Task EnqueueInCallerTransaction_ConnectionOnAnotherSearchPath_LandsInTheQueuesSchema()
    {
        var storage = await CreateAsync(Schema("tx"));
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();

        long id;
        await using (var tx = await connection.BeginTransactionAsync())
        {
            id = await storage.EnqueueAsync(Task("<a/>"), connection, tx);
            await tx.CommitAsync();
        }

        Assert.Equal(QueuedTaskState.Enqueued, (await storage.Tasks.GetAsync(id))!.State);
    }

    [PostgreSqlFact]
    public async Task Schema_Unset_IsTheFirstSchemaOfTheSearchPath()
    {
        var schema = Schema("path");
        var connectionString = new NpgsqlConnectionStringBuilder(Admin) { SearchPath = $"{schema}, public" }.ToString();

        var storage = Track(new PostgreSqlQueueStorage(connectionString, TimeProvider.System, NullLogger.Instance));
        await storage.InitializeAsync();

        Assert.Equal(schema, storage.Schema);
        Assert.Empty(await storage.Monitoring.ListAsync(null, null, 0, 10));
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("rpc queue")]
    [InlineData("1rpc")]
    [InlineData("rpc\"; DROP TABLE x; --")]
    [InlineData("pg_rpc")]
    [InlineData("a-b")]
    [InlineData("s_123456789_123456789_123456789_123456789_123456789_123456789_12")]
    public void Schema_NotAUsableName_RefusedSayingWhy(string schema)
    {
        var error = Assert.Throws<ArgumentException>(() => new PostgreSqlQueueStorage("Host=127.0.0.1", TimeProvider.System, NullLogger.Instance, new() { Schema = schema }));

        Assert.Contains($"schema '{schema}' is not a usable schema name", error.Message);
    }

    [Theory]
    [InlineData("rpc")]
    [InlineData("_Rpc$2")]
    [InlineData("очередь")]
    [InlineData("s_123456789_123456789_123456789_123456789_123456789_123456789_1")]
    public void Schema_AnIdentifier_Accepted(string schema)
    {
        var storage = Track(new PostgreSqlQueueStorage("Host=127.0.0.1", TimeProvider.System, NullLogger.Instance, new() { Schema = schema }));

        Assert.Equal(schema, storage.Schema);
    }

    [Theory]
    [InlineData(null, null, "public")]
    [InlineData("", "Jobs, public", "jobs")]
    [InlineData("", "\"$user\", \"Jobs\"", "Jobs")]
    public void Schema_UnsetOrEmpty_TheSearchPathsFirstElsePublic(string? schema, string? searchPath, string expected)
    {
        var connectionString = new NpgsqlConnectionStringBuilder("Host=127.0.0.1") { SearchPath = searchPath }.ToString();

        var storage = Track(new PostgreSqlQueueStorage(connectionString, TimeProvider.System, NullLogger.Instance, new() { Schema = schema }));

        Assert.Equal(expected, storage.Schema);
    }

    [PostgreSqlFact]
    public async Task UsePostgreSql_SchemaFromConfiguration_RunsTheQueueThere()
    {
        var fromCode = Schema("code");
        var fromConfig = Schema("config");
        var builder = KestrelApp.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Queue:PostgreSql:Schema"] = fromConfig });
        builder.Services.AddSingleton(new QueueProbe());
        builder.Services.AddRpc(o => o.Namespace = "http://example.com/schema").AddService<QueueTestService>()
            .AddQueue(q => q.PollInterval = TimeSpan.FromMilliseconds(200)).UsePostgreSql(Admin, o => o.Schema = fromCode);
        await using var app = await KestrelApp.StartAsync(builder.Build());
        var queue = app.Services.GetRequiredService<IRpcQueue>();

        var handle = await queue.EnqueueAsync<QueueTestService>(s => s.Add(1, 2));

        await Wait.ForStateAsync(queue, handle, QueuedTaskState.Succeeded);
        Assert.Equal(fromConfig, ((PostgreSqlQueueStorage)app.Services.GetRequiredService<IQueueStorage>()).Schema);
        Assert.Equal(1L, await CountAsync($"SELECT count(*) FROM \"{fromConfig}\".queue_task"));
        Assert.Equal(0L, await CountAsync($"SELECT count(*) FROM pg_namespace WHERE nspname = '{fromCode}'"));
    }

    private string Schema(string name)
    {
        var schema = $"q_{name}_{_suffix}";
        _schemas.Add(schema);
        return schema;
    }

    private async Task<PostgreSqlQueueStorage> CreateAsync(string schema)
    {
        var storage = Track(new PostgreSqlQueueStorage(Admin, TimeProvider.System, NullLogger.Instance, new() { Schema = schema }));
        await storage.InitializeAsync();
        return storage;
    }

    private PostgreSqlQueueStorage Track(PostgreSqlQueueStorage storage)
    {
        _storages.Add(storage);
        return storage;
    }

    private static async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static NewQueuedTask Task(string body) => new()
    {
        Call = new QueuedCall { ContentType = "text/xml", Payload = System.Text.Encoding.UTF8.GetBytes(body) },
    };
}
