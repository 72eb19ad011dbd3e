using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SoapMiddleware.Queue.PostgreSql;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>What only the PostgreSQL store does: enqueue in the caller's transaction, and LISTEN/NOTIFY wake-ups.</summary>
public sealed class PostgreSqlQueueStorageTests : IAsyncLifetime
{
    private readonly PostgreSqlTestSchemas _schemas = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly List<PostgreSqlQueueStorage> _storages = [];

    public async Task InitializeAsync()
    {
        if (PostgreSqlTestEnvironment.ConnectionString is not null)
        {
            await CreateAsync().InitializeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var storage in _storages)
        {
            await storage.DisposeAsync();
        }

        if (PostgreSqlTestEnvironment.ConnectionString is not null)
        {
            await _schemas.DisposeAsync();
        }
    }

    [PostgreSqlFact]
    public async Task EnqueueInCallerTransaction_RolledBack_StoresNothing()
    {
        var storage = CreateAsync();
        await using var connection = new NpgsqlConnection(_schemas.ConnectionString("main"));
        await connection.OpenAsync();

        long id;
        await using (var tx = await connection.BeginTransactionAsync())
        {
            id = await storage.EnqueueAsync(Task("<a/>"), connection, tx);
            await tx.RollbackAsync();
        }

        Assert.Null(await storage.Tasks.GetAsync(id));
        Assert.Empty(await storage.Queue.FetchAsync(["default"], "w", 10, TimeSpan.FromMinutes(1)));
    }

    [PostgreSqlFact]
    public async Task EnqueueInCallerTransaction_Committed_StoresTheTaskWithTheCallersRows()
    {
        var storage = CreateAsync();
        await using var connection = new NpgsqlConnection(_schemas.ConnectionString("main"));
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE orders (id int)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        long id;
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await using (var order = new NpgsqlCommand("INSERT INTO orders VALUES (1)", connection, tx))
            {
                await order.ExecuteNonQueryAsync();
            }

            id = await storage.EnqueueAsync(Task("<a/>"), connection, tx);
            Assert.Null(await storage.Tasks.GetAsync(id));
            await tx.CommitAsync();
        }

        Assert.Equal(QueuedTaskState.Enqueued, (await storage.Tasks.GetAsync(id))!.State);
        Assert.Equal(id, Assert.Single(await storage.Queue.FetchAsync(["default"], "w", 10, TimeSpan.FromMinutes(1))).Id);
    }

    [PostgreSqlFact]
    public async Task Notify_FromAnotherInstance_WakesTheWaiterWellBeforeThePollTimeout()
    {
        var worker = CreateAsync();
        var producer = CreateAsync();
        _ = worker.WaitForWorkAsync(["default"], TimeSpan.FromSeconds(30));
        await worker.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        var waiting = worker.WaitForWorkAsync(["default"], TimeSpan.FromSeconds(30));

        var clock = Stopwatch.StartNew();
        await producer.EnqueueAsync(Task("<a/>"));
        var woken = await waiting.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(woken);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"woke after {clock.Elapsed}");
    }

    [PostgreSqlFact]
    public async Task Notify_CallerTransaction_WakesTheWaiterOnCommit()
    {
        var worker = CreateAsync();
        var producer = CreateAsync();
        _ = worker.WaitForWorkAsync(["default"], TimeSpan.FromSeconds(30));
        await worker.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        await using var connection = new NpgsqlConnection(_schemas.ConnectionString("main"));
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await producer.EnqueueAsync(Task("<a/>"), connection, tx);
        var waiting = worker.WaitForWorkAsync(["default"], TimeSpan.FromSeconds(30));

        await tx.CommitAsync();

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    private PostgreSqlQueueStorage CreateAsync()
    {
        var storage = new PostgreSqlQueueStorage(_schemas.ConnectionString("main"), _time, NullLogger.Instance);
        _storages.Add(storage);
        return storage;
    }

    private static NewQueuedTask Task(string body) => new()
    {
        Call = new QueuedCall { ContentType = "text/xml", Payload = System.Text.Encoding.UTF8.GetBytes(body) },
    };
}
