using System.Text;
using SoapMiddleware.Queue.Engine;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IQueueStorage"/> must have, written once; each store subclasses it.
/// Each test gets a fresh store (file or schema) and a fake clock.
/// </summary>
public abstract partial class QueueStorageContractTests : IAsyncLifetime
{
    protected const string W1 = "worker-1";
    protected const string W2 = "worker-2";
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    protected static readonly string[] Default = ["default"];

    private readonly List<IQueueStorage> _created = [];

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));

    protected IQueueStorage Storage { get; private set; } = null!;

    /// <summary>A new storage instance over the named backing store of this test (same name, same data).</summary>
    protected abstract IQueueStorage CreateStorageCore(TimeProvider time, string store);

    /// <summary>The named store's migrations, oldest first (to build a database as an older release left it).</summary>
    protected abstract IReadOnlyList<string> Migrations(string store);

    /// <summary>The statement creating the named store's <c>schema_version</c> table.</summary>
    protected abstract string VersionTable(string store);

    /// <summary>The store's column type for bytes, for raw SQL written once for both stores.</summary>
    protected abstract string BlobType { get; }

    /// <summary>Runs raw SQL (several statements) on the named backing store, bypassing the storage class.</summary>
    protected abstract Task ExecuteSqlAsync(string store, string sql);

    /// <summary>Removes the backing stores after the test.</summary>
    protected virtual Task CleanupAsync() => Task.CompletedTask;

    protected IQueueStorage CreateStorage(TimeProvider time, string store = "main")
    {
        var storage = CreateStorageCore(time, store);
        _created.Add(storage);
        return storage;
    }

    public async Task InitializeAsync()
    {
        Storage = CreateStorage(Time);
        await Storage.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var storage in _created)
        {
            if (storage is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }

        await CleanupAsync();
    }

    protected static NewQueuedTask NewTask(string body = "<call/>", string queue = "default", string? key = null, DateTimeOffset? notBefore = null, int maxAttempts = 3, string? display = null, string operation = "Add") => new()
    {
        Call = new QueuedCall
        {
            Queue = queue,
            Service = "Calculator",
            Operation = operation,
            Display = display,
            ContentType = "text/xml; charset=utf-8",
            Action = "urn:add",
            Payload = Encoding.UTF8.GetBytes(body),
            IdempotencyKey = key,
            NotBefore = notBefore,
            MaxAttempts = maxAttempts,
        },
    };

    /// <summary>The storage's row id of a task, from its handle (<c>{id}-{secret}</c>).</summary>
    protected static long RowIdOf(QueuedTaskInfo task) => TaskHandle.TryParse(task.Id, out long id, out _) ? id : 0;

    protected async Task<FetchedTask> FetchOneAsync(string worker = W1, string queue = "default")
    {
        var fetched = await Storage.Queue.FetchAsync([queue], worker, 1, Lease);
        return Assert.Single(fetched);
    }

    /// <summary>The task as another worker would record it (whose records the storage must refuse).</summary>
    protected static FetchedTask AsWorker(FetchedTask task, string workerId)
    {
        task.WorkerId = workerId;
        return task;
    }

    protected async Task<QueuedTaskInfo> GetAsync(long id) => Assert.IsType<QueuedTaskInfo>(await Storage.Tasks.GetAsync(id));

    protected async Task<TaskHistoryEntry> LastHistoryAsync(long id) => (await Storage.Tasks.GetHistoryAsync(id))[^1];
}
