using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.PostgreSql;

/// <summary>
/// Queue storage on PostgreSQL, shared by every process that scales out: each fetch is one
/// <c>FOR UPDATE SKIP LOCKED</c> statement, batches are one statement each, and enqueues send a <c>NOTIFY</c> on the
/// schema's channel so idle workers (one <c>LISTEN</c> connection per storage) start at once. Every statement names
/// its tables with their schema (<see cref="PostgreSqlQueueOptions.Schema"/>), so two schemas in one database are two
/// independent queues.
/// </summary>
public sealed partial class PostgreSqlQueueStorage
    : IQueueStorage, ITaskStore, ITaskQueue, IWorkerStore, ISubscriptionStore, IRecurringStore, IMonitoringStore, ILeaseStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly WorkSignal _signal;
    private readonly PostgreSqlNotificationListener _listener;
    private readonly PostgreSqlSchemaName _schemaName;

    // The schema, quoted, as every statement writes it before a table's name.
    private readonly string _schema;
    private int _disposed;

    /// <summary>Creates the storage in the connection string's schema; call <see cref="InitializeAsync"/> once before use.</summary>
    /// <param name="connectionString">An Npgsql connection string (its <c>Search Path</c>'s first schema holds the tables, else <c>public</c>).</param>
    /// <param name="time">The clock for every stored time, lease and wait.</param>
    /// <param name="logger">The logger.</param>
    public PostgreSqlQueueStorage(string connectionString, TimeProvider time, ILogger logger)
        : this(connectionString, time, logger, new PostgreSqlQueueOptions())
    {
    }

    /// <summary>Creates the storage; call <see cref="InitializeAsync"/> once before use.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="time">The clock for every stored time, lease and wait.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="options">The storage's options (its schema).</param>
    /// <exception cref="ArgumentException">The schema's name is not a usable PostgreSQL schema name.</exception>
    public PostgreSqlQueueStorage(string connectionString, TimeProvider time, ILogger logger, PostgreSqlQueueOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        _schemaName = PostgreSqlSchemaName.Resolve(options.Schema, connectionString);
        _schema = _schemaName.Quoted;
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _time = time;
        _logger = logger;
        _signal = new WorkSignal(time);
        _listener = new PostgreSqlNotificationListener(_dataSource, _schemaName.Channel, _signal, time, logger);
    }

    /// <summary>The schema of the queue's tables.</summary>
    public string Schema => _schemaName.Name;

    /// <inheritdoc/>
    public string Name => "PostgreSQL";

    /// <inheritdoc/>
    public ITaskStore Tasks => this;

    /// <inheritdoc/>
    public ITaskQueue Queue => this;

    /// <inheritdoc/>
    public IWorkerStore Workers => this;

    /// <inheritdoc/>
    public ISubscriptionStore Subscriptions => this;

    /// <inheritdoc/>
    public IRecurringStore Recurring => this;

    /// <inheritdoc/>
    public IMonitoringStore Monitoring => this;

    /// <summary>Completes once the wake-up connection listens (it starts with the first <see cref="WaitForWorkAsync"/>).</summary>
    internal Task Listening => _listener.Listening;

    /// <inheritdoc/>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({PostgreSqlSchema.AdvisoryLockKey})", cancellationToken).ConfigureAwait(false);
        await CreateSchemaAsync(connection, tx, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, tx, PostgreSqlSchema.VersionTable(_schema), cancellationToken).ConfigureAwait(false);
        await using var read = new NpgsqlCommand($"SELECT COALESCE(MAX(version), 0) FROM {_schema}.schema_version", connection, tx);
        var current = (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        var migrations = PostgreSqlSchema.Migrations(_schema);
        for (var version = current + 1; version <= migrations.Length; version++)
        {
            await ExecuteAsync(connection, tx, migrations[version - 1], cancellationToken).ConfigureAwait(false);
            await using var insert = new NpgsqlCommand($"INSERT INTO {_schema}.schema_version (version, applied_at) VALUES (@v, @now)", connection, tx)
                .With("v", NpgsqlTypes.NpgsqlDbType.Integer, version).With("now", UnixTime.Now(_time));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            PostgreSqlQueueStorageLog.Migrated(_logger, version);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates the schema when it is missing. Looked up first, so that an existing schema needs no CREATE right on the
    /// database (an operator may create it for an account that has none); the advisory lock keeps processes from racing.
    /// </summary>
    private async Task CreateSchemaAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = @name)", connection, tx)
            .With("name", _schemaName.Name);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            await ExecuteAsync(connection, tx, $"CREATE SCHEMA IF NOT EXISTS {_schema}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public Task<bool> WaitForWorkAsync(IReadOnlyList<string> queues, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var waiting = _signal.WaitAsync(timeout, cancellationToken);
        _listener.EnsureStarted();
        return waiting;
    }

    /// <summary>Stops the wake-up connection and closes the pooled connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _listener.DisposeAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlCommand Command(string sql) => _dataSource.CreateCommand(sql);

    private static async Task<List<T>> ReadAllAsync<T>(NpgsqlCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(map(reader));
        }

        return list;
    }

    private async Task<List<T>> ReadAsync<T>(string sql, Action<NpgsqlCommand> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        bind(command);
        return await ReadAllAsync(command, map, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> NonQueryAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = Command(sql);
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task NotifyAsync(IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var distinct = queues.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length > 0)
        {
            await NonQueryAsync($"SELECT pg_notify('{_schemaName.Channel}', q) FROM unnest(@queues) AS q",
                c => c.With("queues", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, distinct), cancellationToken).ConfigureAwait(false);
        }

        _signal.Pulse();
    }
}
