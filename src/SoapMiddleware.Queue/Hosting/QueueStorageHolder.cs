using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue;

/// <summary>
/// The built-in engine's one storage in this process, initialized (schema created or migrated) once, whoever touches
/// it first: the startup initializer, a producer, or a worker. Also tells local workers at once when a task is deleted here.
/// </summary>
internal sealed class QueueStorageHolder(IQueueStorage storage)
{
    private readonly object _gate = new();
    private Task? _initialized;

    public IQueueStorage Storage { get; } = storage;

    /// <summary>The storage's kind for messages: <c>SQLite</c>, <c>PostgreSQL</c>, ...</summary>
    public string StorageName => Storage.Name;

    /// <summary>Raised after a task is deleted through this process, so a local worker running it cancels at once.</summary>
    public event Action<long>? TaskDeleted;

    public Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_initialized is null || _initialized.IsFaulted || _initialized.IsCanceled)
            {
                _initialized = Storage.InitializeAsync(CancellationToken.None);
            }

            return _initialized.WaitAsync(cancellationToken);
        }
    }

    public void OnDeleted(long id) => TaskDeleted?.Invoke(id);
}
