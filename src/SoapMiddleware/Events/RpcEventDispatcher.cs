using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Events;

/// <summary>
/// Fires an event at the three levels in Spyne's order: application listeners, then the service's, then the
/// method's. A listener that throws is logged and skipped, so a broken logger never breaks a call or a worker.
/// </summary>
internal sealed class RpcEventDispatcher(RpcEvents application, ILogger logger)
{
    public ValueTask FireAsync(string eventName, MethodContext context)
    {
        // Most services and methods have no listeners of their own: skip their lookups entirely.
        var app = application.Get(eventName);
        var operation = context.Operation;
        var service = operation is null || operation.Service.Events.IsEmpty ? null : operation.Service.Events.Get(eventName);
        var method = operation is null || operation.Events.IsEmpty ? null : operation.Events.Get(eventName);
        if (app is null && service is null && method is null)
        {
            return ValueTask.CompletedTask;
        }

        return FireCoreAsync(eventName, context, app, service, method);
    }

    /// <summary>Whether any level has a listener for <paramref name="eventName"/> for this call.</summary>
    public bool HasListeners(string eventName, MethodContext context)
        => application.Get(eventName) is not null
            || context.Operation?.Service.Events.Get(eventName) is not null
            || context.Operation?.Events.Get(eventName) is not null;

    private async ValueTask FireCoreAsync(string eventName, MethodContext context, params RpcEventHandler[]?[] levels)
    {
        foreach (var handlers in levels)
        {
            if (handlers is null)
            {
                continue;
            }

            foreach (var handler in handlers)
            {
                try
                {
                    await handler(context).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    EventLog.ListenerFailed(logger, eventName, context.Operation?.Name ?? "(none)", ex);
                }
            }
        }
    }
}
