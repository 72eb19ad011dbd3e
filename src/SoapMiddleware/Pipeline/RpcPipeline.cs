using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Description;

namespace SoapMiddleware.Pipeline;

/// <summary>
/// The three stages every transport runs a call through (Spyne's <c>ServerBase</c>):
/// <see cref="GetInObject"/>, <see cref="GetOutObject"/>, <see cref="GetOutString"/>.
/// The HTTP middleware and the queue workers both call exactly these, so a call behaves the same
/// whichever way it arrived. No stage throws: failures land in <see cref="MethodContext.InError"/>
/// or <see cref="MethodContext.OutError"/> and become a fault in <see cref="GetOutString"/>.
/// </summary>
public sealed class RpcPipeline
{
    private readonly RpcApplication _application;
    private readonly ILogger _logger;

    internal RpcPipeline(RpcApplication application, ILogger logger)
    {
        _application = application;
        _logger = logger;
    }

    /// <summary>
    /// Reads <see cref="MethodContext.InString"/>; sets <see cref="MethodContext.InDocument"/>, the header and body
    /// documents, <see cref="MethodContext.Operation"/> and <see cref="MethodContext.InObject"/>, or <see cref="MethodContext.InError"/>.
    /// </summary>
    public void GetInObject(MethodContext context)
    {
        var protocol = context.InProtocol;
        if (protocol is null)
        {
            context.InError = RpcFault.Client($"Unsupported content type '{context.InContentType}'.");
            return;
        }

        try
        {
            protocol.CreateInDocument(context);
            protocol.DecomposeIncomingEnvelope(context);
            protocol.Deserialize(context);
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

    /// <summary>
    /// Reads <see cref="MethodContext.InObject"/>; calls the method; sets <see cref="MethodContext.OutObject"/>,
    /// or <see cref="MethodContext.OutError"/>. Does nothing when reading the request failed.
    /// </summary>
    public async ValueTask GetOutObject(MethodContext context)
    {
        if (context.InError is not null || context.Operation is null)
        {
            return;
        }

        try
        {
            context.OutObject = await InvokeAsync(context).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            context.OutError = ex;
            if (ex is not RpcFault)
            {
                RpcLog.MethodFailed(_logger, context.Operation.Service.Name, context.Operation.Name, ex);
            }
        }
    }

    /// <summary>
    /// Reads <see cref="MethodContext.OutObject"/> or the error; sets <see cref="MethodContext.OutDocument"/>,
    /// <see cref="MethodContext.OutString"/> and <see cref="MethodContext.OutContentType"/>. A failure while writing
    /// the result becomes a Server fault.
    /// </summary>
    public void GetOutString(MethodContext context)
    {
        var protocol = context.OutProtocol ?? _application.Soap11;
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

            protocol.CreateOutString(context);
        }
        catch (Exception ex) when (context.Error is null)
        {
            RpcLog.ResponseWriteFailed(_logger, context.Operation?.Name ?? "(unknown)", ex);
            context.OutError = ex;
            context.OutObject = null;
            protocol.SerializeFault(context);
            protocol.CreateOutString(context);
        }
    }

    /// <summary>The core: resolves the service, binds the parameters and calls the method. It knows nothing of wrappers.</summary>
    internal static ValueTask<object?> InvokeAsync(MethodContext context)
    {
        var operation = context.Operation!;
        var service = context.Services.GetRequiredService(operation.Service.ServiceType);
        var sources = operation.Parameters;
        var arguments = new object?[sources.Length];
        var wire = context.InObject ?? [];
        for (var i = 0; i < sources.Length; i++)
        {
            arguments[i] = sources[i].Kind switch
            {
                ParameterSourceKind.Wire => wire[sources[i].WireIndex],
                ParameterSourceKind.CancellationToken => context.CancellationToken,
                _ => context,
            };
        }

        return operation.Invoker.InvokeAsync(service, arguments);
    }
}
