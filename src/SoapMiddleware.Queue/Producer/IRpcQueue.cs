using System.Linq.Expressions;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue;

/// <summary>
/// The producer and the read side of the queue. A call is serialized with the application's in protocol, exactly
/// the request an HTTP client would send, and stored; workers run it through the same pipeline as HTTP calls.
/// </summary>
public interface IRpcQueue
{
    /// <summary>Enqueues a call of an operation that returns a value or a task: <c>queue.EnqueueAsync&lt;Calc&gt;(s => s.Add(1, 2))</c>.</summary>
    /// <returns>The task id.</returns>
    Task<long> EnqueueAsync<TService>(Expression<Func<TService, object?>> call, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class;

    /// <summary>Enqueues a call of a void operation.</summary>
    /// <returns>The task id.</returns>
    Task<long> EnqueueAsync<TService>(Expression<Action<TService>> call, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
        where TService : class;

    /// <summary>
    /// Enqueues a request as a client would send it over HTTP (a SOAP envelope). The payload is not checked here;
    /// a payload that does not parse fails at once when a worker takes it, with its fault stored.
    /// </summary>
    Task<long> EnqueueRequestAsync(byte[] payload, string contentType, string? action, EnqueueOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Returns a task's state, attempts, progress, and its result or fault (the serialized response), or null.</summary>
    Task<QueuedTaskInfo?> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Returns a task's transitions, oldest first.</summary>
    Task<IReadOnlyList<TaskHistoryEntry>> GetHistoryAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Puts a Failed, Succeeded or Deleted task back in its queue, attempts reset.</summary>
    Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Deletes a task: it is kept for its history but never runs again; a running call is cancelled.</summary>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The storage underneath, for queries the interface does not cover (lists, stats, workers).</summary>
    IQueueStorage Storage { get; }
}
