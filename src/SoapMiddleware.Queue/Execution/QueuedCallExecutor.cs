using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoapMiddleware.Queue.Diagnostics;
using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Queue.Execution;

/// <summary>
/// Runs a stored request through the application's <see cref="Pipeline.RpcPipeline"/>, exactly as an HTTP call runs,
/// and says what a queue should do next. It knows no storage: both engines and the HTTP enqueue endpoint's check use it,
/// so the decision "succeeded / rejected for good / retry" is made in one place. An engine of your own runs its calls
/// with it too (resolve it from the container: <c>AddQueue</c> registers it).
/// </summary>
/// <param name="application">The RPC application whose pipeline runs the calls.</param>
/// <param name="scopes">Creates the DI scope of each call.</param>
/// <param name="options">The queue's options (<see cref="RpcQueueOptions.CallTimeout"/>).</param>
public sealed class QueuedCallExecutor(RpcApplication application, IServiceScopeFactory scopes, IOptions<RpcQueueOptions> options)
{
    private OperationLimits? _limits;

    /// <summary>How the reason of a task whose request could not be read starts, on every engine.</summary>
    public const string PayloadRejectedReason = "Payload rejected, not retried: ";

    /// <summary>How the reason of a task that ended in a Client fault starts, on every engine.</summary>
    public const string ClientFaultReason = "Client fault, not retried: ";

    /// <summary>How the reason of a task that timed out ends when its operation does not allow a retry, on every engine.</summary>
    public const string TimedOutReason = ", not retried (the operation does not allow a retry after a timeout)";

    /// <summary>How many calls of each operation may run at once, and which may run again after a timeout.</summary>
    public OperationLimits Limits => _limits ??= new OperationLimits(application.Operations, options.Value);

    /// <summary>
    /// Runs the call in its own DI scope; every event and wrapper fires as for HTTP. The call's token is cancelled by
    /// <paramref name="cancellationToken"/> (deletion, shutdown) or after <see cref="RpcQueueOptions.CallTimeout"/>,
    /// so no call holds a worker forever. The run is traced as a child of <paramref name="traceParent"/>, the context
    /// stored at enqueue.
    /// </summary>
    /// <param name="payload">The stored request bytes.</param>
    /// <param name="contentType">Their content type.</param>
    /// <param name="action">The stored SOAPAction, or <see langword="null"/>.</param>
    /// <param name="transport">Who runs which task (the call's <see cref="MethodContext.Transport"/>).</param>
    /// <param name="traceParent">The W3C <c>traceparent</c> stored with the call, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call (deletion, lost lease, shutdown).</param>
    /// <returns>How the call ended, with its response or fault bytes.</returns>
    public async Task<QueuedCallOutcome> ExecuteAsync(ReadOnlyMemory<byte> payload, string contentType, string? action, QueueRpcTransport transport, string? traceParent, CancellationToken cancellationToken)
    {
        using var activity = QueueTracing.StartProcess(traceParent, transport.Queue, transport.TaskLabel, transport.Attempt);
        var outcome = await ExecuteCoreAsync(payload, contentType, action, transport, cancellationToken).ConfigureAwait(false);
        if (activity is not null)
        {
            activity.SetTag("rpc.queue.outcome", outcome.Kind.ToString());
            activity.SetStatus(outcome.Kind == QueuedCallOutcomeKind.Succeeded ? ActivityStatusCode.Ok : ActivityStatusCode.Error, outcome.Reason);
        }

        return outcome;
    }

    private async Task<QueuedCallOutcome> ExecuteCoreAsync(ReadOnlyMemory<byte> payload, string contentType, string? action, RpcTransport transport, CancellationToken cancellationToken)
    {
        var timeout = options.Value.CallTimeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout > TimeSpan.Zero)
        {
            limit.CancelAfter(timeout);
        }

        await using var scope = scopes.CreateAsyncScope();
        var context = application.CreateContext(transport, scope.ServiceProvider, payload, contentType, action, limit.Token);
        if (transport is QueueRpcTransport { EnqueuedBy: not null })
        {
            // The enqueue endpoint authenticated this request's wsse:Security header and stores the request without it;
            // a task stored before it did so still carries it, and its nonce must not be checked again.
            context.UnderstoodHeaders.Add(Security.WsSecurityNames.Security);
        }

        var pipeline = application.Pipeline;
        await pipeline.RunAsync(context).ConfigureAwait(false);
        var outcome = limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested && context.Error is not null
            ? TimedOut(context, timeout)
            : Classify(context);
        await pipeline.CloseAsync(context).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>
    /// Reads a request as a worker will (the pipeline's first stage, with its events) without calling the method.
    /// When reading fails, the fault is serialized into <see cref="MethodContext.OutString"/>. The caller closes the
    /// context with <see cref="CloseAsync"/> when it is done.
    /// </summary>
    internal async Task<MethodContext> ReadAsync(ReadOnlyMemory<byte> payload, string? contentType, string? action, RpcTransport transport, IServiceProvider services, CancellationToken cancellationToken)
    {
        var context = application.CreateContext(transport, services, payload, contentType, action, cancellationToken);
        await application.Pipeline.GetInObject(context).ConfigureAwait(false);
        if (context.InError is not null)
        {
            await application.Pipeline.GetOutString(context).ConfigureAwait(false);
        }

        return context;
    }

    internal ValueTask CloseAsync(MethodContext context) => application.Pipeline.CloseAsync(context);

    /// <summary>How the checked request reads in lists: <c>Service.Operation(args)</c>.</summary>
    internal static string Display(MethodContext context)
        => context.Operation is null ? CallDisplay.Format((string?)null, null) : CallDisplay.Format(context.Operation, context.InObject);

    /// <summary>
    /// A call that ran out of time is not retried unless its operation allows it: it would most likely run out of time
    /// again, holding a worker for the whole timeout each attempt.
    /// </summary>
    private QueuedCallOutcome TimedOut(MethodContext context, TimeSpan timeout)
    {
        var retry = Limits.RetriesOnTimeout(context.Operation);
        var reason = string.Create(CultureInfo.InvariantCulture, $"Timed out after {timeout} (Queue:CallTimeout)") + (retry ? null : TimedOutReason);
        return new QueuedCallOutcome(retry ? QueuedCallOutcomeKind.Retryable : QueuedCallOutcomeKind.TimedOut, context.OutString.ToArray(), context.OutContentType, reason, context.Operation);
    }

    private QueuedCallOutcome Classify(MethodContext context)
    {
        var response = context.OutString.ToArray();
        if (context.Error is null)
        {
            return new QueuedCallOutcome(QueuedCallOutcomeKind.Succeeded, response, context.OutContentType, null, context.Operation);
        }

        if (context.OutError is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new QueuedCallOutcome(QueuedCallOutcomeKind.Cancelled, response, context.OutContentType, "Cancelled while running", context.Operation);
        }

        if (context.InError is { } inError)
        {
            return new QueuedCallOutcome(QueuedCallOutcomeKind.Rejected, response, context.OutContentType, PayloadRejectedReason + inError.Message, context.Operation);
        }

        if (context.OutError is RpcFault { Code: RpcFaultCode.Client } clientFault)
        {
            return new QueuedCallOutcome(QueuedCallOutcomeKind.Rejected, response, context.OutContentType, ClientFaultReason + clientFault.Message, context.Operation);
        }

        // The same words the synchronous caller reads: never an unexpected exception's text unless details are on.
        var reason = context.OutError switch
        {
            RpcFault fault => fault.Message,
            { } ex when application.Options.IncludeExceptionDetails => ex.Message,
            _ => "Internal Error",
        };
        return new QueuedCallOutcome(QueuedCallOutcomeKind.Retryable, response, context.OutContentType, reason, context.Operation);
    }
}
