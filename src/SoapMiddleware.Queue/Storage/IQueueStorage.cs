namespace SoapMiddleware.Queue.Storage;

/// <summary>
/// The built-in engine's durable storage (SQLite, PostgreSQL, or your own), split by use as Hangfire splits its
/// <c>JobStorage</c>: tasks (enqueue and manage), the work queue (fetch under a lease; a <see cref="FetchedTask"/>
/// records its own outcome), worker rows, fan-out cursors, recurring calls, and monitoring. A storage may implement
/// every part in one class and return itself from each property.
/// </summary>
/// <remarks>
/// Every time comes from the storage's <see cref="TimeProvider"/>. Worker ids are hierarchical: tasks are fetched for
/// a process (<c>{host}:{pid}:{tag}</c>) and run by one of its workers (<c>{process}/{n}</c>); a task held by either is
/// held by both, and the worker that reports progress, an outcome, or runs it according to its row
/// (<see cref="IWorkerStore.HeartbeatWorkerAsync"/> with <see cref="WorkerStatus.CurrentTaskId"/>) becomes the task's
/// worker id, so a task names the worker the workers list shows.
/// </remarks>
public interface IQueueStorage
{
    /// <summary>The storage's kind for messages: <c>SQLite</c>, <c>PostgreSQL</c>, ...</summary>
    string Name { get; }

    /// <summary>Creates or migrates the schema; idempotent and safe when several processes start at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Enqueue, read and manage tasks by id.</summary>
    ITaskStore Tasks { get; }

    /// <summary>Fetch due tasks under a lease, wait for work, record successes in batches.</summary>
    ITaskQueue Queue { get; }

    /// <summary>Worker rows: heartbeats and dead-worker detection.</summary>
    IWorkerStore Workers { get; }

    /// <summary>Fan-out subscribers' cursors and deliveries.</summary>
    ISubscriptionStore Subscriptions { get; }

    /// <summary>Recurring calls and their exactly-once occurrences.</summary>
    IRecurringStore Recurring { get; }

    /// <summary>Counts and lists for people (the dashboard and the management API).</summary>
    IMonitoringStore Monitoring { get; }
}
