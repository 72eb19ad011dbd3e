namespace SoapMiddleware.Client.Calls;

/// <summary>
/// Listeners of a client's events, by name (<see cref="RpcClientEventNames"/>), in the order they were added. Add them
/// while configuring the client; the list is read by every call and must not change once calls run.
/// </summary>
public sealed class RpcClientEvents
{
    private readonly Dictionary<string, List<Func<RpcCallContext, ValueTask>>> _listeners = new(StringComparer.Ordinal);

    /// <summary>Adds a listener of <paramref name="eventName"/>.</summary>
    public RpcClientEvents AddListener(string eventName, Func<RpcCallContext, ValueTask> listener)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        ArgumentNullException.ThrowIfNull(listener);
        if (!_listeners.TryGetValue(eventName, out var list))
        {
            _listeners[eventName] = list = [];
        }

        list.Add(listener);
        return this;
    }

    /// <summary>Adds a synchronous listener of <paramref name="eventName"/>.</summary>
    public RpcClientEvents AddListener(string eventName, Action<RpcCallContext> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return AddListener(eventName, context =>
        {
            listener(context);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Fires <paramref name="eventName"/> for one call.</summary>
    internal async ValueTask FireAsync(string eventName, RpcCallContext context)
    {
        if (_listeners.TryGetValue(eventName, out var list))
        {
            foreach (var listener in list)
            {
                await listener(context).ConfigureAwait(false);
            }
        }
    }
}
