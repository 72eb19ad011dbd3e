namespace SoapMiddleware.Queue;

/// <summary>The state of a queue worker, as shown by the dashboard.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<WorkerState>))]
public enum WorkerState
{
    /// <summary>Running and waiting for work.</summary>
    Idle = 0,

    /// <summary>Running a task.</summary>
    Processing = 1,

    /// <summary>Stopped gracefully.</summary>
    Stopped = 2,

    /// <summary>Stopped sending heartbeats; its tasks were released.</summary>
    Dead = 3,
}
