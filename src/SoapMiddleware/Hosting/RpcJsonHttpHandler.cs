using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Pipeline;
using SoapMiddleware.Protocols.HttpRpc;
using SoapMiddleware.Protocols.Json;
using SoapMiddleware.Protocols.Soap;

namespace SoapMiddleware;

/// <summary>
/// The HTTP transport for JSON (<c>POST {prefix}</c> with <c>{"Add": {...}}</c>, <c>POST {prefix}/{operation}</c> with
/// the arguments object) and HTTP RPC (<c>GET {prefix}/{operation}?a=1&amp;b=2</c>), the sibling of
/// <see cref="RpcHttpHandler"/>. It chooses the operation from the route and runs the same pipeline. Status codes:
/// 200, 400 for a Client fault, 500 for a Server fault, 404 for an unknown operation in the path, 405, 413, 415;
/// every error body is a JSON fault.
/// </summary>
internal sealed class RpcJsonHttpHandler(RpcApplication application, JsonProtocol json, bool httpRpc, ILogger logger)
{
    public const string OperationRouteKey = "operation";

    public Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (httpRpc ? !HttpMethods.IsGet(request.Method) : !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = httpRpc ? "GET" : "POST";
            return RejectAsync(http, StatusCodes.Status405MethodNotAllowed,
                $"Method {request.Method} is not allowed; " + (httpRpc ? "HTTP RPC calls are GET with the arguments in the query string." : "POST a JSON request."));
        }

        if (!httpRpc && !JsonProtocol.Accepts(SoapVersion.MediaTypeOf(request.ContentType)))
        {
            return RejectAsync(http, StatusCodes.Status415UnsupportedMediaType, $"Unsupported Content-Type '{request.ContentType}'; expected 'application/json'.");
        }

        return InvokeCoreAsync(http);
    }

    private async Task InvokeCoreAsync(HttpContext http)
    {
        var request = http.Request;
        var max = application.Options.MaxRequestBytes;
        HttpCallRunner.AllowBodyUpTo(http, max);

        var body = httpRpc
            ? default
            : await RequestBodyReader.ReadAsync(request, max, http.RequestAborted).ConfigureAwait(false);
        try
        {
            var input = httpRpc ? System.Text.Encoding.UTF8.GetBytes(request.QueryString.Value?.TrimStart('?') ?? string.Empty) : body.Memory;
            var context = application.CreateContext(new HttpRpcTransport(http), http.RequestServices, input, request.ContentType, null, http.RequestAborted);
            context.InProtocol = context.OutProtocol = httpRpc ? application.HttpRpc : json;
            var status = StatusCodes.Status200OK;
            if (body.TooLarge)
            {
                status = StatusCodes.Status413PayloadTooLarge;
                context.InError = RpcFault.Client($"The request body is larger than the limit of {max} bytes.");
            }
            else if (http.GetRouteValue(OperationRouteKey) is string name)
            {
                context.Operation = application.FindOperation(name);
                if (context.Operation is null)
                {
                    status = StatusCodes.Status404NotFound;
                    context.InError = RpcFault.Client($"Unknown operation '{name}'.");
                }
            }

            await HttpCallRunner.RunAsync(application, http, context, ctx => status != StatusCodes.Status200OK ? status
                : ctx.Error is null ? StatusCodes.Status200OK
                : ctx.Error is RpcFault { Code: RpcFaultCode.Client } ? StatusCodes.Status400BadRequest
                : StatusCodes.Status500InternalServerError).ConfigureAwait(false);
        }
        finally
        {
            body.Dispose();
        }
    }

    private Task RejectAsync(HttpContext http, int status, string message)
    {
        RpcLog.Rejected(logger, http.Request.Path, status, message);
        var bytes = json.WriteFault(RpcFault.Client(message));
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = bytes.Length;
        return http.Response.Body.WriteAsync(bytes, http.RequestAborted).AsTask();
    }
}
