namespace SoapMiddleware.Queue;

/// <summary>
/// How a task's last run ended, stored as data by every engine (never re-read from a reason's text). The numeric
/// values are stored; do not renumber.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<TaskOutcome>))]
public enum TaskOutcome
{
    /// <summary>The method returned; the result is stored.</summary>
    Succeeded = 0,

    /// <summary>Rejected for good: the request does not read, names no operation, or the method answered a Client fault.</summary>
    Rejected = 1,

    /// <summary>A Server fault (or a lost worker) on the last attempt allowed: failed for good.</summary>
    Failed = 2,

    /// <summary>A Server fault with attempts left: scheduled to run again.</summary>
    WillRetry = 3,

    /// <summary>Cancelled while it ran (the worker shut down); put back without counting the attempt.</summary>
    Cancelled = 4,

    /// <summary>Deleted by a person.</summary>
    Deleted = 5,
}
