namespace SoapMiddleware;

/// <summary>
/// Attaches a listener to an event at service level (on the class) or method level (on the method), like Spyne's
/// per-service event manager. The listener type needs a public parameterless constructor; it is created once.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RpcEventListenerAttribute(string eventName, Type listenerType) : Attribute
{
    /// <summary>The event name (see <see cref="RpcEventNames"/>).</summary>
    public string EventName { get; } = eventName;

    /// <summary>An <see cref="IRpcEventListener"/> type.</summary>
    public Type ListenerType { get; } = listenerType;
}
