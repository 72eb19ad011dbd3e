namespace SoapMiddleware.Queue;

/// <summary>A fan-out subscriber: does every task of <see cref="Queue"/> in id order, keeping its own cursor.</summary>
public sealed class QueueSubscription
{
    /// <summary>The subscriber's name; its cursor is stored under it. Run each subscriber in one process.</summary>
    public string Subscriber { get; set; } = "";

    /// <summary>The fan-out queue.</summary>
    public string Queue { get; set; } = "";
}
