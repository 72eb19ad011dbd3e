using System.Collections.Concurrent;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Queue.Workers;

namespace SoapMiddleware.Hangfire;

/// <summary>
/// The rows of this process's Hangfire workers, kept in the application's Hangfire storage so every process shows them
/// (see <see cref="WorkerRecordKeys"/>). <see cref="RpcJob"/> reports a call's start, progress and end here; changes are
/// gathered for <see cref="Debounce"/> and the changed rows of all workers written in one transaction, so the rows trail
/// the truth by a fraction of a second and cost at most a few writes a second per process, however many calls run or
/// however often they report progress (a call shorter than the debounce costs nothing extra at all: its start and end
/// land in the same write). When the host stops, after Hangfire's servers have, every row is written
/// <c>Stopped</c> (<see cref="StopAsync"/>).
/// </summary>
internal sealed class WorkerRecords(HangfireBackend backend, TimeProvider time, ILogger<WorkerRecords> logger) : IDisposable
{
    /// <summary>How long changes are gathered before they are written.</summary>
    internal static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, WorkerRecord> _records = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _changed = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();

    // Guards the write state below: the loop and the final write never overlap.
    private readonly Lock _writeGate = new();
    private readonly Dictionary<WorkerRecord, long> _written = [];
    private readonly Dictionary<string, DateTimeOffset> _refreshed = new(StringComparer.Ordinal);
    private DateTimeOffset _pruned = DateTimeOffset.MinValue;
    private bool _failing;

    private Task? _loop;
    private bool _stopped;

    /// <summary>The Hangfire servers whose workers ran a call in this process.</summary>
    public IReadOnlyCollection<string> ServerIds => _records.Values.Select(r => r.ServerId).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Worker <paramref name="workerId"/> of <paramref name="serverId"/> took <paramref name="handle"/>.</summary>
    public WorkerRecord Start(string serverId, string workerId, string handle, string operation)
    {
        var record = _records.GetOrAdd(HangfireWorkers.Format(serverId, workerId), id => new WorkerRecord(serverId, workerId, new WorkerActivity(id, time.GetUtcNow())));
        record.Activity.Start(handle, operation);
        Signal();
        return record;
    }

    public void Progress(WorkerRecord record, string handle, int percent, string? message)
    {
        if (record.Activity.Progress(handle, percent, message))
        {
            Signal();
        }
    }

    public void Finish(WorkerRecord record, string handle, bool succeeded)
    {
        record.Activity.Finish(handle, succeeded);
        Signal();
    }

    /// <summary>
    /// Writes what is pending, then every row of this process <c>Stopped</c>, with a <see cref="ServerSnapshot"/> for each
    /// of <paramref name="ownServers"/> and each server that ran a call here: its idle workers read Stopped too, and a
    /// server gone without this reads Dead. Never throws: stopping must go on whatever the storage does.
    /// </summary>
    public async Task StopAsync(IReadOnlyCollection<ServerDto> ownServers)
    {
        Task? loop;
        lock (_gate)
        {
            _stopped = true;
            loop = _loop;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        MarkStopped(ownServers);
    }

    public void Dispose() => _stop.Cancel();

    private void Signal()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            // Started on the first change: a process that never runs a call (a web-only one) never writes.
            _loop ??= Task.Run(() => RunAsync(_stop.Token));
        }

        if (_changed.CurrentCount == 0)
        {
            _changed.Release();
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            bool changed;
            try
            {
                // Woken by a change, or after an hour without one to push the rows' expiry back.
                changed = await _changed.WaitAsync(WorkerRecordKeys.Refresh, stop).ConfigureAwait(false);
                if (changed)
                {
                    await Task.Delay(Debounce, time, stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            while (_changed.CurrentCount > 0)
            {
                _changed.Wait(0, CancellationToken.None);
            }

            if (!Write(refreshAll: !changed))
            {
                try
                {
                    await Task.Delay(RetryDelay, time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                Signal();
            }
        }
    }

    /// <summary>Writes the rows changed since the last write, in one transaction; false when the storage failed.</summary>
    private bool Write(bool refreshAll)
    {
        lock (_writeGate)
        {
            var now = time.GetUtcNow();
            var rows = new List<(WorkerRecord Record, long Version, string Json)>();
            foreach (var record in _records.Values)
            {
                // The version first: a change in between is then written again, never lost.
                var version = record.Activity.Version;
                if (!_written.TryGetValue(record, out var written) || written != version)
                {
                    rows.Add((record, version, WorkerRecordJson.Write(record.Activity.Snapshot(now))));
                }
            }

            // A hash's expiry is per field on SQL storages: a new field gets none until the hash is expired again.
            var refresh = _records.Values.Select(r => r.ServerId).Distinct(StringComparer.Ordinal)
                .Where(server => refreshAll
                    || !_refreshed.TryGetValue(server, out var at) || now - at >= WorkerRecordKeys.Refresh
                    || rows.Any(r => r.Record.ServerId == server && !_written.ContainsKey(r.Record)))
                .ToList();
            if (rows.Count == 0 && refresh.Count == 0)
            {
                return true;
            }

            try
            {
                using var connection = backend.Storage.GetConnection();
                using (var transaction = connection.CreateWriteTransaction())
                {
                    foreach (var server in rows.GroupBy(r => r.Record.ServerId, StringComparer.Ordinal))
                    {
                        transaction.SetRangeInHash(WorkerRecordKeys.Server(server.Key), server.Select(r => KeyValuePair.Create(r.Record.WorkerId, r.Json)));
                    }

                    foreach (var server in refresh)
                    {
                        Refresh(transaction, server);
                    }

                    transaction.Commit();
                }

                foreach (var (record, version, _) in rows)
                {
                    _written[record] = version;
                }

                foreach (var server in refresh)
                {
                    _refreshed[server] = now;
                }

                if (_failing)
                {
                    _failing = false;
                    HangfireEngineLog.WorkerRowsWritten(logger);
                }

                if (now - _pruned >= WorkerRecordKeys.Refresh)
                {
                    _pruned = now;
                    Prune(connection);
                }

                return true;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Unwritten rows stay unwritten (their versions differ) and go with the retry.
                if (!_failing)
                {
                    _failing = true;
                    HangfireEngineLog.WorkerRowsWriteFailed(logger, ex, backend.StorageName);
                }

                return false;
            }
        }
    }

    private void MarkStopped(IReadOnlyCollection<ServerDto> ownServers)
    {
        lock (_writeGate)
        {
            var now = time.GetUtcNow();
            foreach (var record in _records.Values)
            {
                record.Activity.Stop();
            }

            var own = ownServers.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var servers = own.Keys.Union(_records.Values.Select(r => r.ServerId), StringComparer.Ordinal).ToList();
            if (servers.Count == 0)
            {
                return;
            }

            try
            {
                using var connection = backend.Storage.GetConnection();
                using var transaction = connection.CreateWriteTransaction();
                var rows = 0;
                foreach (var server in servers)
                {
                    var records = _records.Values.Where(r => r.ServerId == server).ToList();
                    own.TryGetValue(server, out var dto);
                    var snapshot = new ServerSnapshot
                    {
                        State = WorkerRecordJson.StoppedState,
                        Workers = Math.Max(dto?.WorkersCount ?? 0, records.Count),
                        StartedAt = dto is not null ? JobStates.Utc(dto.StartedAt) : records.Select(r => r.Activity.StartedAt).DefaultIfEmpty(now).Min(),
                        StoppedAt = now,
                    };
                    var fields = records.Select(r => KeyValuePair.Create(r.WorkerId, WorkerRecordJson.Write(r.Activity.Snapshot(now))))
                        .Append(KeyValuePair.Create(WorkerRecordKeys.ServerField, WorkerRecordJson.Write(snapshot)));
                    transaction.SetRangeInHash(WorkerRecordKeys.Server(server), fields);
                    Refresh(transaction, server);
                    rows += snapshot.Workers;
                }

                transaction.Commit();
                HangfireEngineLog.WorkerRowsStopped(logger, rows, servers.Count);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                HangfireEngineLog.WorkerRowsStopFailed(logger, ex, backend.StorageName);
            }
        }
    }

    /// <summary>Pushes the expiry of <paramref name="server"/>'s hash back and lists it in the index.</summary>
    private static void Refresh(IWriteOnlyTransaction transaction, string server)
    {
        transaction.AddToSet(WorkerRecordKeys.Servers, server);
        if (transaction is JobStorageTransaction expiring)
        {
            try
            {
                expiring.ExpireHash(WorkerRecordKeys.Server(server), WorkerRecordKeys.Lifetime);
                expiring.ExpireSet(WorkerRecordKeys.Servers, WorkerRecordKeys.Lifetime);
            }
            catch (NotSupportedException)
            {
                // The storage keeps hashes forever: old rows stay (still right: Stopped or Dead), Prune cannot drop them.
            }
        }
    }

    /// <summary>Drops the index entries of servers whose hash has expired, so readers do not look them up forever.</summary>
    private void Prune(IStorageConnection connection)
    {
        try
        {
            var ours = _records.Values.Select(r => r.ServerId).ToHashSet(StringComparer.Ordinal);
            var gone = connection.GetAllItemsFromSet(WorkerRecordKeys.Servers)
                .Where(server => !ours.Contains(server) && connection.GetAllEntriesFromHash(WorkerRecordKeys.Server(server)) is null)
                .ToList();
            if (gone.Count == 0)
            {
                return;
            }

            using var transaction = connection.CreateWriteTransaction();
            foreach (var server in gone)
            {
                transaction.RemoveFromSet(WorkerRecordKeys.Servers, server);
            }

            transaction.Commit();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            HangfireEngineLog.WorkerRowsPruneFailed(logger, ex);
        }
    }
}
