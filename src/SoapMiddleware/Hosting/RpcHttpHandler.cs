using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Pipeline;
using SoapMiddleware.Protocols.Soap;

namespace SoapMiddleware;

/// <summary>
/// The HTTP transport (Spyne's WSGI server): turns a request into a <see cref="MethodContext"/>, runs the
/// pipeline, and writes the result. It knows HTTP; it does not know SOAP beyond picking the protocol.
/// </summary>
internal sealed class RpcHttpHandler(RpcApplication application, ILogger logger)
{
    public Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return WriteInterfaceDocumentAsync(http);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            return RejectAsync(http, StatusCodes.Status405MethodNotAllowed, $"Method {request.Method} is not allowed; POST a SOAP request or GET ?wsdl.");
        }

        if (application.SelectProtocol(request.ContentType) is not SoapProtocol)
        {
            return RejectAsync(http, StatusCodes.Status415UnsupportedMediaType,
                $"Unsupported Content-Type '{request.ContentType}'; expected 'text/xml' (SOAP 1.1) or 'application/soap+xml' (SOAP 1.2).");
        }

        return InvokeCoreAsync(http);
    }

    private async Task InvokeCoreAsync(HttpContext http)
    {
        var request = http.Request;
        var max = application.Options.MaxRequestBytes;
        HttpCallRunner.AllowBodyUpTo(http, max);

        var action = SoapVersion.MediaTypeOf(request.ContentType) == SoapVersion.Soap12.ContentType
            ? SoapVersion.ParameterOf(request.ContentType, "action")
            : request.Headers["SOAPAction"].ToString();
        var body = await RequestBodyReader.ReadAsync(request, max, http.RequestAborted).ConfigureAwait(false);
        try
        {
            var context = application.CreateContext(new HttpRpcTransport(http), http.RequestServices, body.Memory, request.ContentType, action, http.RequestAborted);
            if (body.TooLarge)
            {
                context.InError = RpcFault.Client($"The request body is larger than the limit of {max} bytes.");
            }

            await HttpCallRunner.RunAsync(application, http, context, ctx => body.TooLarge ? StatusCodes.Status413PayloadTooLarge
                : ctx.Error is null ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError).ConfigureAwait(false);
        }
        finally
        {
            body.Dispose();
        }
    }

    private async Task WriteInterfaceDocumentAsync(HttpContext http)
    {
        var query = http.Request.Query;
        byte[] document;
        if (query.ContainsKey("wsdl") || query.ContainsKey("WSDL"))
        {
            document = await application.Documents.GetWsdlAsync(AddressOf(http.Request), http).ConfigureAwait(false);
        }
        else if (query.ContainsKey("xsd") || query.ContainsKey("XSD"))
        {
            document = await application.Documents.GetXsdAsync(http).ConfigureAwait(false);
        }
        else
        {
            http.Response.Headers.Allow = "GET, POST";
            await RejectAsync(http, StatusCodes.Status405MethodNotAllowed, "GET serves only the interface documents: add ?wsdl or ?xsd, or POST a SOAP request.").ConfigureAwait(false);
            return;
        }

        http.Response.ContentType = "text/xml; charset=utf-8";
        http.Response.ContentLength = document.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(document, http.RequestAborted).ConfigureAwait(false);
        }
    }

    private string AddressOf(HttpRequest request)
    {
        var path = request.PathBase.Add(request.Path).ToUriComponent();
        return string.IsNullOrEmpty(application.Options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}{path}"
            : application.Options.PublicBaseUrl.TrimEnd('/') + path;
    }

    private Task RejectAsync(HttpContext http, int status, string message)
    {
        RpcLog.Rejected(logger, http.Request.Path, status, message);
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(message, http.RequestAborted);
    }
}
