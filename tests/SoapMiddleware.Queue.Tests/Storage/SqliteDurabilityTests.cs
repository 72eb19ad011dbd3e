using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;
using SoapMiddleware.Queue.Storage.Sqlite;

namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>
/// The SQLite file is the queue: an acknowledged enqueue must survive power loss, and a file that is empty, foreign or
/// corrupt must stop the start with its name instead of being silently recreated (ids restarting would hand old pollers
/// new callers' results) or failing later.
/// </summary>
public sealed class SqliteDurabilityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("soapmw-durability-").FullName;

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public async Task Default_CommitsAreFlushed_SynchronousFull()
    {
        var storage = new SqliteQueueStorage(PathOf("q.db"), TimeProvider.System, NullLogger.Instance);
        await storage.InitializeAsync();

        Assert.Equal(2, await storage.ReadSynchronousAsync());
        var fast = new SqliteQueueStorage(PathOf("q.db"), TimeProvider.System, NullLogger.Instance, new SqliteQueueOptions { DurableCommits = false });
        Assert.Equal(1, await fast.ReadSynchronousAsync());
    }

    [Fact]
    public async Task ZeroByteFile_StartRefused_NamingTheFile()
    {
        var path = PathOf("empty.db");
        await File.WriteAllBytesAsync(path, []);
        var storage = new SqliteQueueStorage(path, TimeProvider.System, NullLogger.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => storage.InitializeAsync());

        Assert.Contains(path, error.Message);
        Assert.Contains("empty", error.Message);
        Assert.Equal(0, new FileInfo(path).Length);
    }

    [Fact]
    public async Task ForeignDatabase_StartRefused_NamingTheFile()
    {
        var path = PathOf("other.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY)";
            await create.ExecuteNonQueryAsync();
        }

        var storage = new SqliteQueueStorage(path, TimeProvider.System, NullLogger.Instance);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => storage.InitializeAsync());

        Assert.Contains(path, error.Message);
        Assert.Contains("not a SoapMiddleware queue database", error.Message);
    }

    [Fact]
    public async Task CorruptPageInTheMiddle_StartRefused_NamingTheFile()
    {
        var path = PathOf("corrupt.db");
        var storage = new SqliteQueueStorage(path, TimeProvider.System, NullLogger.Instance);
        {
            await storage.InitializeAsync();
            var payload = new byte[3000];
            for (var i = 0; i < 200; i++)
            {
                await storage.Tasks.EnqueueAsync(new NewQueuedTask { Call = new QueuedCall { ContentType = "text/xml", Payload = payload, Operation = "Add" } });
            }
        }

        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var length = new FileInfo(path).Length;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            // Scribble over a few pages in the middle (not the header): only a check of the pages notices.
            file.Position = length / 2 / 4096 * 4096;
            var garbage = new byte[4096 * 3];
            new Random(7).NextBytes(garbage);
            await file.WriteAsync(garbage);
        }

        var reopened = new SqliteQueueStorage(path, TimeProvider.System, NullLogger.Instance);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => reopened.InitializeAsync());

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public async Task NoFile_NewDatabaseCreated_AndReopenedLater()
    {
        var path = PathOf("new.db");
        var first = new SqliteQueueStorage(path, TimeProvider.System, NullLogger.Instance);
        {
            await first.InitializeAsync();
            await first.Tasks.EnqueueAsync(new NewQueuedTask { Call = new QueuedCall { ContentType = "text/xml", Payload = [1], Operation = "Add" } });
        }

        var second = new SqliteQueueStorage(path, TimeProvider.System, NullLogger.Instance);
        await second.InitializeAsync();
        Assert.Equal(1, (await second.Monitoring.GetStatsAsync()).Count(QueuedTaskState.Enqueued));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
