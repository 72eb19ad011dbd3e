using Microsoft.Extensions.Logging;
using Npgsql;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.PostgreSql;

/// <summary>
/// One dedicated connection running <c>LISTEN</c> on the queue's schema's channel; every notification pulses the in-process signal.
/// Started on the first wait; reconnects after a failure (pulsing, since notifications may have been missed).
/// </summary>
internal sealed class PostgreSqlNotificationListener(NpgsqlDataSource dataSource, string channel, WorkSignal signal, TimeProvider time, ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;
    private int _started;

    /// <summary>Completes once the first <c>LISTEN</c> is in place.</summary>
    public Task Listening => _listening.Task;

    public void EnsureStarted()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _loop = Task.Run(RunAsync);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
                connection.Notification += (_, _) => signal.Pulse();
                await using (var listen = new NpgsqlCommand($"LISTEN \"{channel}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                if (!_listening.TrySetResult())
                {
                    signal.Pulse();
                }

                while (true)
                {
                    await connection.WaitAsync(token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
            {
                PostgreSqlQueueStorageLog.ListenFailed(logger, exception);
                signal.Pulse();
                try
                {
                    await Task.Delay(ReconnectDelay, time, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
