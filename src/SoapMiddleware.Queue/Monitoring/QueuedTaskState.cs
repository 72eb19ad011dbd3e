namespace SoapMiddleware.Queue;

/// <summary>The state of a queued task. The numeric values are stored; do not renumber.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<QueuedTaskState>))]
public enum QueuedTaskState
{
    /// <summary>Waiting for its not-before time (a delayed task, or a failed attempt waiting to be retried).</summary>
    Scheduled = 0,

    /// <summary>Ready to be fetched by a worker.</summary>
    Enqueued = 1,

    /// <summary>Leased by a worker; delivered again when the lease expires.</summary>
    Processing = 2,

    /// <summary>Finished; the result bytes are stored.</summary>
    Succeeded = 3,

    /// <summary>Failed for good (attempts exhausted or not retryable); the fault bytes are stored.</summary>
    Failed = 4,

    /// <summary>Deleted by a person; kept for history, never fetched.</summary>
    Deleted = 5,
}
