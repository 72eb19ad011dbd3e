namespace SoapMiddleware;

/// <summary>
/// The listeners of one level (application, service or method), by event name (Spyne's <c>EventManager</c>).
/// Name-based <see cref="AddListener(string, RpcEventHandler)"/> and the typed C# events are two views of the same lists.
/// </summary>
/// <remarks>
/// A listener that throws is logged and skipped: the call goes on and the other listeners still run.
/// Add listeners at startup; the lists are copied on write, so firing never takes a lock.
/// </remarks>
public sealed class RpcEvents
{
    private readonly object _gate = new();
    private Dictionary<string, RpcEventHandler[]> _handlers = new(StringComparer.Ordinal);

    /// <summary>Adds a listener for the event <paramref name="eventName"/> (see <see cref="RpcEventNames"/>).</summary>
    public void AddListener(string eventName, RpcEventHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            var copy = new Dictionary<string, RpcEventHandler[]>(_handlers, StringComparer.Ordinal);
            copy[eventName] = [.. copy.GetValueOrDefault(eventName) ?? [], handler];
            _handlers = copy;
        }
    }

    /// <summary>Adds a synchronous listener.</summary>
    public void AddListener(string eventName, Action<MethodContext> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddListener(eventName, context =>
        {
            handler(context);
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Removes a listener added with <see cref="AddListener(string, RpcEventHandler)"/>.</summary>
    public void RemoveListener(string eventName, RpcEventHandler handler)
    {
        lock (_gate)
        {
            if (_handlers.TryGetValue(eventName, out var list))
            {
                var copy = new Dictionary<string, RpcEventHandler[]>(_handlers, StringComparer.Ordinal) { [eventName] = [.. list.Where(h => h != handler)] };
                _handlers = copy;
            }
        }
    }

    /// <summary>Fires <c>method_context_created</c>.</summary>
    public event RpcEventHandler MethodContextCreated { add => AddListener(RpcEventNames.MethodContextCreated, value); remove => RemoveListener(RpcEventNames.MethodContextCreated, value); }

    /// <summary>Fires <c>method_call</c>.</summary>
    public event RpcEventHandler MethodCall { add => AddListener(RpcEventNames.MethodCall, value); remove => RemoveListener(RpcEventNames.MethodCall, value); }

    /// <summary>Fires <c>method_return_object</c>.</summary>
    public event RpcEventHandler MethodReturnObject { add => AddListener(RpcEventNames.MethodReturnObject, value); remove => RemoveListener(RpcEventNames.MethodReturnObject, value); }

    /// <summary>Fires <c>method_exception_object</c>.</summary>
    public event RpcEventHandler MethodExceptionObject { add => AddListener(RpcEventNames.MethodExceptionObject, value); remove => RemoveListener(RpcEventNames.MethodExceptionObject, value); }

    /// <summary>Fires <c>method_return_document</c>.</summary>
    public event RpcEventHandler MethodReturnDocument { add => AddListener(RpcEventNames.MethodReturnDocument, value); remove => RemoveListener(RpcEventNames.MethodReturnDocument, value); }

    /// <summary>Fires <c>method_exception_document</c>.</summary>
    public event RpcEventHandler MethodExceptionDocument { add => AddListener(RpcEventNames.MethodExceptionDocument, value); remove => RemoveListener(RpcEventNames.MethodExceptionDocument, value); }

    /// <summary>Fires <c>method_return_string</c>.</summary>
    public event RpcEventHandler MethodReturnString { add => AddListener(RpcEventNames.MethodReturnString, value); remove => RemoveListener(RpcEventNames.MethodReturnString, value); }

    /// <summary>Fires <c>method_exception_string</c>.</summary>
    public event RpcEventHandler MethodExceptionString { add => AddListener(RpcEventNames.MethodExceptionString, value); remove => RemoveListener(RpcEventNames.MethodExceptionString, value); }

    /// <summary>Fires <c>method_context_closed</c>.</summary>
    public event RpcEventHandler MethodContextClosed { add => AddListener(RpcEventNames.MethodContextClosed, value); remove => RemoveListener(RpcEventNames.MethodContextClosed, value); }

    internal bool IsEmpty => _handlers.Count == 0;

    internal RpcEventHandler[]? Get(string eventName) => _handlers.GetValueOrDefault(eventName);
}
