using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Queue.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes are serialized by an in-process lock and run in
/// <c>BEGIN IMMEDIATE</c> transactions (with a busy timeout for other processes); reads run concurrently.
/// Each operation opens a pooled connection. Enqueues in this process wake waiting workers at once; other
/// processes are seen at the next poll.
/// </summary>
internal sealed partial class SqliteQueueStorage
    : IQueueStorage, ITaskStore, ITaskQueue, IWorkerStore, ISubscriptionStore, IRecurringStore, IMonitoringStore, ILeaseStore
{
    private readonly string _connectionString;
    private readonly string _createConnectionString;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly WorkSignal _signal;
    private readonly SqliteQueueOptions _options;
    private readonly string _path;
    private readonly string _pragmas;

    /// <param name="connectionStringOrPath">A SQLite connection string, or a file path.</param>
    /// <param name="time">The clock for every stored time, lease and wait.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="options">Durability and startup checks; the defaults when null.</param>
    public SqliteQueueStorage(string connectionStringOrPath, TimeProvider time, ILogger logger, SqliteQueueOptions? options = null)
    {
        var builder = connectionStringOrPath.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(connectionStringOrPath)
            : new SqliteConnectionStringBuilder { DataSource = connectionStringOrPath };
        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        _path = builder.DataSource;
        _createConnectionString = builder.ToString();
        if (IsFile)
        {
            // Only InitializeAsync creates the file: any other call before it (a monitor, a scheduler) must not leave an
            // empty file behind, which the next start would rightly refuse.
            builder.Mode = SqliteOpenMode.ReadWrite;
        }

        _connectionString = builder.ToString();
        _options = options ?? new SqliteQueueOptions();
        _pragmas = "PRAGMA busy_timeout=30000; PRAGMA synchronous=" + (_options.DurableCommits ? "FULL;" : "NORMAL;");
        _time = time;
        _logger = logger;
        _signal = new WorkSignal(time);
    }

    public string Name => "SQLite";

    public ITaskStore Tasks => this;

    public ITaskQueue Queue => this;

    public IWorkerStore Workers => this;

    public ISubscriptionStore Subscriptions => this;

    public IRecurringStore Recurring => this;

    public IMonitoringStore Monitoring => this;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existed = IsFile && File.Exists(_path);
            if (existed && new FileInfo(_path).Length == 0 && !File.Exists(_path + "-wal"))
            {
                // An empty file is not a new database: tasks were lost (or the wrong file is named). Recreating it would
                // restart the ids, and pollers holding old handles would wait forever.
                throw new InvalidOperationException($"The SQLite queue database '{_path}' exists but is empty (0 bytes). Restore it from a backup, or delete the file to start a new, empty queue.");
            }

            await InitializeCoreAsync(existed, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw new InvalidOperationException($"The SQLite queue database '{_path}' cannot be opened: {ex.Message}", ex);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>True when the data source is a file (not <c>:memory:</c>).</summary>
    private bool IsFile => !string.IsNullOrEmpty(_path) && _path != ":memory:" && !_path.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    private async Task InitializeCoreAsync(bool existed, CancellationToken cancellationToken)
    {
        {
            await using var connection = await OpenAsync(cancellationToken, _createConnectionString).ConfigureAwait(false);
            if (existed)
            {
                await CheckExistingAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            await using var tx = connection.BeginTransaction(deferred: false);
            await ExecuteAsync(connection, tx, SqliteSchema.VersionTable, cancellationToken).ConfigureAwait(false);
            var current = Convert.ToInt32(await Command(connection, tx, "SELECT COALESCE(MAX(version), 0) FROM schema_version")
                .ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            for (var version = current + 1; version <= SqliteSchema.Migrations.Length; version++)
            {
                await ExecuteAsync(connection, tx, SqliteSchema.Migrations[version - 1], cancellationToken).ConfigureAwait(false);
                var insert = Command(connection, tx, "INSERT INTO schema_version (version, applied_at) VALUES ($v, $now)");
                insert.Parameters.AddWithValue("$v", version);
                insert.Parameters.AddWithValue("$now", UnixTime.Now(_time));
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                SqliteQueueStorageLog.Migrated(_logger, version);
            }

            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A file that was there before must be a sound queue database: its pages pass <c>quick_check</c> (unless turned
    /// off) and it holds the queue's schema. Anything else stops the start with the file's name.
    /// </summary>
    private async Task CheckExistingAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (_options.QuickCheckAtStartup)
        {
            var verdict = (string?)await Command(connection, null, "PRAGMA quick_check(1)").ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (!string.Equals(verdict, "ok", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The SQLite queue database '{_path}' is corrupt (quick_check: {verdict}). Restore it from a backup; the queue will not start on it.");
            }
        }

        // A database with no tables at all is one whose creation was interrupted: nothing to lose, so it is set up.
        var tables = Convert.ToInt64(await Command(connection, null, "SELECT count(*) FROM sqlite_master WHERE type = 'table'")
            .ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        var ours = Convert.ToInt64(await Command(connection, null, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
            .ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (tables > 0 && ours == 0)
        {
            throw new InvalidOperationException($"The file '{_path}' is not a SoapMiddleware queue database (it has no queue schema). Point the queue at its own file; a new one is created where no file exists.");
        }
    }

    /// <summary>The <c>synchronous</c> setting the storage's connections run with (2 = FULL, 1 = NORMAL); for tests.</summary>
    internal async Task<long> ReadSynchronousAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        return Convert.ToInt64(await Command(connection, null, "PRAGMA synchronous").ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<bool> WaitForWorkAsync(IReadOnlyList<string> queues, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _signal.WaitAsync(timeout, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a <c>BEGIN IMMEDIATE</c> transaction under the in-process write lock.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var tx = connection.BeginTransaction(deferred: false);
            var result = await work(connection, tx).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken, string? connectionString = null)
    {
        var connection = new SqliteConnection(connectionString ?? _connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, _pragmas, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, tx, sql);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertHistoryAsync(
        SqliteConnection connection, SqliteTransaction tx, long taskId, long at, QueuedTaskState state, string? workerId, string? reason, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, tx,
            "INSERT INTO queue_task_history (task_id, at, state, worker_id, reason) VALUES ($id, $at, $state, $w, $reason)");
        command.Parameters.AddWithValue("$id", taskId);
        command.Parameters.AddWithValue("$at", at);
        command.Parameters.AddWithValue("$state", (int)state);
        command.Parameters.AddWithValue("$w", (object?)workerId ?? DBNull.Value);
        command.Parameters.AddWithValue("$reason", (object?)reason ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
