using System.Linq.Expressions;
using Microsoft.Extensions.Options;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Producer;

/// <summary>The producer (Spyne's <c>Producer</c>): turns typed calls into stored requests.</summary>
internal sealed class RpcQueue(RpcApplication application, QueueStorageHolder storage, IOptions<RpcQueueOptions> options, TimeProvider time) : IRpcQueue
{
    public IQueueStorage Storage => storage.Storage;

    public Task<long> EnqueueAsync<TService>(Expression<Func<TService, object?>> call, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class
        => EnqueueCallAsync(call.Body, options, cancellationToken);

    public Task<long> EnqueueAsync<TService>(Expression<Action<TService>> call, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class
        => EnqueueCallAsync(call.Body, options, cancellationToken);

    public async Task<long> EnqueueRequestAsync(byte[] payload, string contentType, string? action, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        var operation = action is null ? null : application.FindOperationByAction(action.Trim('"'));
        await storage.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        return await storage.Storage.EnqueueAsync(NewTask(payload, contentType, action, operation?.Service.Name, operation?.Name, options), cancellationToken).ConfigureAwait(false);
    }

    public Task<QueuedTaskInfo?> GetAsync(long id, CancellationToken cancellationToken = default) => storage.Storage.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<TaskHistoryEntry>> GetHistoryAsync(long id, CancellationToken cancellationToken = default) => storage.Storage.GetHistoryAsync(id, cancellationToken);

    public Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default) => storage.Storage.RetryAsync(id, cancellationToken);

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        var deleted = await storage.Storage.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        if (deleted)
        {
            storage.OnDeleted(id);
        }

        return deleted;
    }

    internal NewQueuedTask NewTask(byte[] payload, string contentType, string? action, string? service, string? operation, EnqueueOptions? enqueue)
    {
        var settings = options.Value;
        var notBefore = enqueue?.RunAt ?? (enqueue?.Delay is { } delay ? time.GetUtcNow() + delay : null);
        return new NewQueuedTask
        {
            Queue = enqueue?.Queue ?? settings.DefaultQueue,
            Service = service ?? string.Empty,
            Operation = operation ?? string.Empty,
            ContentType = contentType,
            Action = action,
            Payload = payload,
            NotBefore = notBefore,
            MaxAttempts = enqueue?.MaxAttempts ?? settings.MaxAttempts,
            IdempotencyKey = enqueue?.IdempotencyKey,
        };
    }

    /// <summary>Serializes a typed call into the task a storage stores (used by storage-specific producers too).</summary>
    internal NewQueuedTask PrepareCall(Expression body, EnqueueOptions? enqueue)
    {
        var (operation, arguments) = CallExpressionReader.Read(application, body);
        var (payload, contentType, action) = application.SerializeRequest(operation, arguments);
        return NewTask(payload, contentType, action, operation.Service.Name, operation.Name, enqueue);
    }

    internal Task EnsureInitializedAsync(CancellationToken cancellationToken) => storage.EnsureInitializedAsync(cancellationToken);

    private async Task<long> EnqueueCallAsync(Expression body, EnqueueOptions? enqueue, CancellationToken cancellationToken)
    {
        var task = PrepareCall(body, enqueue);
        await storage.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        return await storage.Storage.EnqueueAsync(task, cancellationToken).ConfigureAwait(false);
    }
}
