using Npgsql;
using SoapMiddleware.Queue.PostgreSql;
using SoapMiddleware.Queue.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace SoapMiddleware.Queue.Tests.Workers;

/// <summary>A typed call enqueued inside the caller's transaction exists only if the caller commits.</summary>
public sealed class PostgreSqlTransactionalEnqueueTests : IAsyncLifetime
{
    private readonly PostgreSqlTestSchemas _schemas = new();
    private readonly QueueProbe _probe = new();
    private QueueTestHost? _host;

    private string ConnectionString => _schemas.ConnectionString("tx");

    public async Task InitializeAsync()
    {
        if (PostgreSqlTestEnvironment.ConnectionString is null)
        {
            return;
        }

        _host = await QueueTestHost.StartAsync(_probe, () => new PostgreSqlQueueStorage(ConnectionString, TimeProvider.System, NullLogger.Instance), TimeProvider.System, _ => { });
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS orders (id int primary key)", connection);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
            await _schemas.DisposeAsync();
        }
    }

    [PostgreSqlTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TypedEnqueueInCallerTransaction_ExistsOnlyIfCommitted(bool commit)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO orders VALUES (@id)", connection, transaction))
        {
            insert.Parameters.AddWithValue("id", commit ? 1 : 2);
            await insert.ExecuteNonQueryAsync();
        }

        var id = await _host!.Queue.EnqueueAsync<QueueTestService>(s => s.Add(30, 12), connection, transaction);
        if (commit)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }

        if (commit)
        {
            var task = await Wait.ForStateAsync(_host.Queue, id, QueuedTaskState.Succeeded, poll: TimeSpan.FromMilliseconds(25));
            Assert.Equal(QueuedTaskState.Succeeded, task.State);
        }
        else
        {
            await Task.Delay(500);
            Assert.Null(await _host.Queue.GetAsync(id));
            Assert.DoesNotContain(_probe.Runs, r => r.StartsWith("Add 30 12", StringComparison.Ordinal));
        }
    }
}
