using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Events;

/// <summary>Log messages of the event system (event ids 3xx).</summary>
internal static partial class EventLog
{
    [LoggerMessage(300, LogLevel.Error, "A listener of event {EventName} threw while handling operation {Operation}; the call continues")]
    public static partial void ListenerFailed(ILogger logger, string eventName, string operation, Exception exception);
}
