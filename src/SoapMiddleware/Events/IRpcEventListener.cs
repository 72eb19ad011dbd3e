namespace SoapMiddleware;

/// <summary>A listener class for <see cref="RpcEventListenerAttribute"/>: created once, called for the events it was attached to.</summary>
public interface IRpcEventListener
{
    /// <summary>Handles the event <paramref name="eventName"/> for the call <paramref name="context"/>.</summary>
    ValueTask OnEventAsync(string eventName, MethodContext context);
}
