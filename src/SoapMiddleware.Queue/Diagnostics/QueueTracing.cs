using System.Diagnostics;
using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Queue.Diagnostics;

/// <summary>
/// Traces across the queue, on the toolkit's one <see cref="ActivitySource"/> (<see cref="RpcDiagnostics.Name"/>): an
/// enqueue activity (<see cref="ActivityKind.Producer"/>) whose W3C <c>traceparent</c> is stored with the task, and a
/// run activity (<see cref="ActivityKind.Consumer"/>) on the worker whose parent is that stored context. The call's own
/// activity (<c>rpc.call</c>) starts inside the run, so enqueue, run and call share one trace whatever the engine and
/// however long the task waited. Messaging tags follow the OpenTelemetry semantic conventions.
/// </summary>
internal static class QueueTracing
{
    /// <summary>The activity name of an enqueue.</summary>
    public const string EnqueueActivityName = "rpc.queue.enqueue";

    /// <summary>The activity name of a worker's run of a task.</summary>
    public const string ProcessActivityName = "rpc.queue.process";

    /// <summary>Starts the enqueue activity (null when nothing listens), a child of whatever is current (the HTTP request).</summary>
    public static Activity? StartEnqueue(QueuedCall call)
    {
        var activity = RpcDiagnostics.ActivitySource.StartActivity(EnqueueActivityName, ActivityKind.Producer);
        if (activity is not null)
        {
            activity.DisplayName = $"send {call.Queue}";
            activity.SetTag("messaging.system", "soapmiddleware");
            activity.SetTag("messaging.operation.type", "send");
            activity.SetTag("messaging.destination.name", call.Queue);
            activity.SetTag("rpc.service", call.Service);
            activity.SetTag("rpc.operation", call.Operation);
        }

        return activity;
    }

    /// <summary>
    /// The <c>traceparent</c> to store: the enqueue activity's, or else the current one's when the app traces without
    /// listening to this source (so a worker still joins the caller's trace); null when nothing is traced.
    /// </summary>
    public static string? TraceParentOf(Activity? enqueue)
    {
        var activity = enqueue ?? Activity.Current;
        return activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null;
    }

    /// <summary>
    /// Starts the worker's activity for one run of a task, with the stored <paramref name="traceParent"/> as its parent.
    /// A task stored without one starts a new trace rather than joining whatever the worker loop had current.
    /// </summary>
    public static Activity? StartProcess(string? traceParent, string queue, string taskLabel, int attempt)
    {
        if (!RpcDiagnostics.ActivitySource.HasListeners())
        {
            return null;
        }

        // A stored value that does not parse (written by hand, truncated) must not fail the call: it starts a new trace.
        ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent);

        // The worker loop's ambient activity, if any, is not this task's parent: clear it for this run's flow only.
        Activity.Current = null;
        var activity = RpcDiagnostics.ActivitySource.StartActivity(ProcessActivityName, ActivityKind.Consumer, parent);
        if (activity is not null)
        {
            activity.DisplayName = $"process {queue}";
            activity.SetTag("messaging.system", "soapmiddleware");
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.destination.name", queue);
            activity.SetTag("messaging.message.id", taskLabel);
            activity.SetTag("rpc.queue.attempt", attempt);
        }

        return activity;
    }
}
