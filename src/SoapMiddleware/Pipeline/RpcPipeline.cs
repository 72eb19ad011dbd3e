using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Description;
using SoapMiddleware.Events;
using SoapMiddleware.Protocols;

namespace SoapMiddleware.Pipeline;

/// <summary>
/// The stages every transport runs a call through (Spyne's <c>ServerBase</c>): <see cref="GetInObject"/>,
/// <see cref="GetOutObject"/>, <see cref="GetOutString"/>, then <see cref="CloseAsync"/>. The HTTP handler and the
/// queue workers call exactly these, so a call behaves the same whichever way it arrived. No stage throws: failures
/// land in <see cref="MethodContext.InError"/> or <see cref="MethodContext.OutError"/> and become a fault.
/// </summary>
public sealed class RpcPipeline
{
    private readonly IRpcProtocol _defaultOut;
    private readonly RpcEventDispatcher _events;
    private readonly ILogger _logger;

    /// <param name="defaultOut">Writes the response of a context that names no out protocol (a request no protocol reads).</param>
    /// <param name="events">The listeners of every level.</param>
    /// <param name="logger">Logs failures the caller does not see.</param>
    internal RpcPipeline(IRpcProtocol defaultOut, RpcEventDispatcher events, ILogger logger)
    {
        _defaultOut = defaultOut;
        _events = events;
        _logger = logger;
    }

    internal RpcEventDispatcher Events => _events;

    /// <summary>
    /// Fires <c>method_context_created</c>; reads <see cref="MethodContext.InString"/>; sets <see cref="MethodContext.InDocument"/>,
    /// the header and body documents, <see cref="MethodContext.Operation"/> and <see cref="MethodContext.InObject"/>,
    /// or <see cref="MethodContext.InError"/> (and fires <c>method_exception_object</c>). A transport that already
    /// rejected the request sets <see cref="MethodContext.InError"/> first; then nothing is read.
    /// </summary>
    public async ValueTask GetInObject(MethodContext context)
    {
        await _events.FireAsync(RpcEventNames.MethodContextCreated, context).ConfigureAwait(false);
        if (context.InError is null)
        {
            if (context.InProtocol is not { } protocol)
            {
                context.InError = RpcFault.Client($"Unsupported content type '{EchoedText.Cap(context.InContentType)}'.");
            }
            else
            {
                try
                {
                    protocol.CreateInDocument(context);
                    protocol.DecomposeIncomingEnvelope(context);
                    await _events.FireAsync(RpcEventNames.BeforeDeserialize, context).ConfigureAwait(false);
                    protocol.Deserialize(context);
                    await _events.FireAsync(RpcEventNames.AfterDeserialize, context).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    context.InError = ex;
                    if (ex is not RpcFault)
                    {
                        RpcLog.RequestReadFailed(_logger, context.Operation?.Name ?? "(unknown)", ex);
                    }
                }
            }
        }

        if (context.InError is not null)
        {
            await _events.FireAsync(RpcEventNames.MethodExceptionObject, context).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Fires <c>method_call</c>; runs the call-wrapper chain around the method; sets <see cref="MethodContext.OutObject"/>
    /// and fires <c>method_return_object</c>, or sets <see cref="MethodContext.OutError"/> and fires
    /// <c>method_exception_object</c>. Does nothing when reading the request failed.
    /// </summary>
    public async ValueTask GetOutObject(MethodContext context)
    {
        if (context.InError is not null || context.Operation is null)
        {
            return;
        }

        await _events.FireAsync(RpcEventNames.MethodCall, context).ConfigureAwait(false);
        try
        {
            context.OutObject = await context.Operation.Chain.InvokeAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (context.CancellationToken.IsCancellationRequested)
        {
            // The caller went away, the host is stopping, or a person deleted the queued task: not a bug to log as one.
            context.OutError = ex;
            RpcLog.MethodCancelled(_logger, context.Operation.Service.Name, context.Operation.Name);
        }
        catch (Exception ex)
        {
            context.OutError = ex;
            if (ex is not RpcFault)
            {
                RpcLog.MethodFailed(_logger, context.Operation.Service.Name, context.Operation.Name, ex);
            }
        }

        await _events.FireAsync(context.OutError is null ? RpcEventNames.MethodReturnObject : RpcEventNames.MethodExceptionObject, context).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the result or the fault: sets <see cref="MethodContext.OutDocument"/> (firing <c>before_serialize</c>,
    /// <c>after_serialize</c> and <c>method_return_document</c> or <c>method_exception_document</c>), then
    /// <see cref="MethodContext.OutString"/> and <see cref="MethodContext.OutContentType"/> (firing
    /// <c>method_return_string</c> or <c>method_exception_string</c>). A failure while writing a result becomes a Server fault.
    /// </summary>
    public async ValueTask GetOutString(MethodContext context)
    {
        var protocol = context.OutProtocol ?? _defaultOut;
        context.OutDocumentWanted = _events.HasListeners(RpcEventNames.AfterSerialize, context)
            || _events.HasListeners(RpcEventNames.MethodReturnDocument, context);
        await _events.FireAsync(RpcEventNames.BeforeSerialize, context).ConfigureAwait(false);
        try
        {
            if (context.Error is null)
            {
                protocol.Serialize(context);
            }
            else
            {
                protocol.SerializeFault(context);
            }
        }
        catch (Exception ex) when (context.Error is null)
        {
            RpcLog.ResponseWriteFailed(_logger, context.Operation?.Name ?? "(unknown)", ex);
            context.OutError = ex;
            context.OutObject = null;
            protocol.SerializeFault(context);
        }

        var failed = context.Error is not null;
        await _events.FireAsync(RpcEventNames.AfterSerialize, context).ConfigureAwait(false);
        await _events.FireAsync(failed ? RpcEventNames.MethodExceptionDocument : RpcEventNames.MethodReturnDocument, context).ConfigureAwait(false);
        protocol.CreateOutString(context);
        await _events.FireAsync(failed ? RpcEventNames.MethodExceptionString : RpcEventNames.MethodReturnString, context).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a call from request bytes to response bytes: <see cref="GetInObject"/>, <see cref="GetOutObject"/>,
    /// <see cref="GetOutString"/>. The transport then delivers <see cref="MethodContext.OutString"/> and calls
    /// <see cref="CloseAsync"/>.
    /// </summary>
    public async ValueTask RunAsync(MethodContext context)
    {
        await GetInObject(context).ConfigureAwait(false);
        await GetOutObject(context).ConfigureAwait(false);
        await GetOutString(context).ConfigureAwait(false);
    }

    /// <summary>Fires <c>method_context_closed</c>: the transport is done with the call.</summary>
    public ValueTask CloseAsync(MethodContext context) => _events.FireAsync(RpcEventNames.MethodContextClosed, context);

    /// <summary>
    /// The core at the centre of the wrapper chain: resolves the service, binds the parameters, and calls the
    /// method through the service's own <see cref="RpcServiceBase.CallWrapperAsync"/> when it has one.
    /// It knows nothing of the other wrappers.
    /// </summary>
    internal static ValueTask<object?> InvokeCoreAsync(MethodContext context)
    {
        var operation = context.Operation!;
        if (context.Services.GetService<MethodContextAccessor>() is { } accessor)
        {
            accessor.MethodContext = context;
        }

        var service = context.Services.GetRequiredService(operation.Service.ServiceType);
        return service is RpcServiceBase withWrapper
            ? withWrapper.InvokeCallWrapperAsync(context, ctx => CallMethod(ctx, service))
            : CallMethod(context, service);
    }

    private static ValueTask<object?> CallMethod(MethodContext context, object service)
    {
        var operation = context.Operation!;
        var sources = operation.Parameters;
        var arguments = new object?[sources.Length];
        var wire = context.InObject ?? [];
        for (var i = 0; i < sources.Length; i++)
        {
            arguments[i] = sources[i].Kind switch
            {
                ParameterSourceKind.Wire => wire[sources[i].WireIndex],
                ParameterSourceKind.CancellationToken => context.CancellationToken,
                ParameterSourceKind.ContractMessage => operation.RequestContract!.Compose(wire, context),
                _ => context,
            };
        }

        return operation.Invoker.InvokeAsync(service, arguments);
    }
}
