using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Pipeline;
using SoapMiddleware.Protocols;

namespace SoapMiddleware;

/// <summary>
/// The HTTP transport (Spyne's WSGI server), one for every protocol: picks the in protocol by method and content type
/// and the out protocol by the mapping and <c>Accept</c>, reads the request where the protocol's binding says (body or
/// query string), takes the operation from the route when the path names it, runs the pipeline, and answers with the
/// status the out protocol's binding gives. It knows HTTP, not protocols. GET <c>?wsdl</c>/<c>?xsd</c> serve the
/// interface documents where SOAP is mapped.
/// </summary>
internal sealed class RpcHttpHandler(RpcApplication application, RpcProtocolMapping protocols, ILogger logger)
{
    /// <summary>The route value that names the operation in a path such as <c>/json/calculator/{operation}</c>.</summary>
    public const string OperationRouteKey = "operation";

    /// <summary>The options of the application served: its request and MTOM limits.</summary>
    public RpcOptions Options => application.Options;

    public Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (protocols.ServesInterfaceDocuments && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && http.GetRouteValue(OperationRouteKey) is null)
        {
            var byQuery = protocols.SelectIn(request.Method, request.ContentType);
            if (byQuery is null || IsWsdl(request.Query) || request.Query.ContainsKey("xsd"))
            {
                return WriteInterfaceDocumentAsync(http);
            }
        }

        var contentType = request.ContentType;
        var mtom = Protocols.Mtom.MultipartContentType.IsMultipartRelated(contentType);
        if (mtom)
        {
            // MTOM: the protocol is the envelope's, named by start-info; only SOAP reads it.
            contentType = RpcMtom.IsMtom(contentType) ? RpcMtom.EnvelopeContentType(contentType!) : null;
        }

        var reader = protocols.SelectIn(request.Method, contentType);
        if (mtom && reader is { HttpBinding.HasServiceDocument: false })
        {
            reader = null;
        }

        if (reader is null)
        {
            var methods = protocols.In.Select(p => p.HttpBinding.Method.ToUpperInvariant()).Distinct().ToList();
            if (!methods.Contains(request.Method.ToUpperInvariant()))
            {
                if (protocols.ServesInterfaceDocuments && !methods.Contains("GET"))
                {
                    methods.Add("GET");
                }

                http.Response.Headers.Allow = string.Join(", ", methods);
                return RejectAsync(http, StatusCodes.Status405MethodNotAllowed, $"Method {request.Method} is not allowed; {Expected()}.");
            }

            var types = protocols.In.SelectMany(p => p.MediaTypes).Select(t => $"'{t}'");
            return RejectAsync(http, StatusCodes.Status415UnsupportedMediaType, $"Unsupported Content-Type '{EchoedText.Cap(request.ContentType)}'; expected {string.Join(" or ", types)}.");
        }

        var writer = protocols.SelectOut(reader, request.Headers.Accept.ToString());
        return mtom
            ? MtomCall.InvokeAsync(application, http, reader, writer, contentType!, logger)
            : InvokeAsync(http, reader, writer);
    }

    private async Task InvokeAsync(HttpContext http, IRpcProtocol reader, IRpcProtocol writer)
    {
        var request = http.Request;
        var binding = reader.HttpBinding;
        var max = application.Options.MaxRequestBytes;
        HttpCallRunner.AllowBodyUpTo(http, max);
        RequestBodyReader body = default;
        if (!binding.ReadsQueryString)
        {
            try
            {
                body = await RequestBodyReader.ReadAsync(request, max, http.RequestAborted).ConfigureAwait(false);
            }
            catch (BadHttpRequestException refused)
            {
                await RequestBodyFailure.AnswerAsync(http, refused, logger).ConfigureAwait(false);
                return;
            }
        }

        try
        {
            var input = binding.ReadsQueryString ? System.Text.Encoding.UTF8.GetBytes(request.QueryString.Value?.TrimStart('?') ?? string.Empty) : body.Memory;
            // The mapping chose both protocols: the context needs no second look at the content type.
            var context = application.CreateContext(new HttpRpcTransport(http), http.RequestServices, input, request.ContentType, binding.ReadAction(request), reader, writer, http.RequestAborted);
            if (application.Options.Mtom.AlwaysRespond && writer.HttpBinding.HasServiceDocument)
            {
                context.Mtom = new MtomExchange { Respond = true };
            }

            int? status = null;
            if (body.TooLarge)
            {
                status = StatusCodes.Status413PayloadTooLarge;
                context.InError = RpcFault.Client($"The request body is larger than the limit of {max} bytes.");
            }
            else if (http.GetRouteValue(OperationRouteKey) is string name)
            {
                context.Operation = application.Description.FindOperation(name);
                if (context.Operation is null)
                {
                    status = StatusCodes.Status404NotFound;
                    context.InError = RpcFault.Client($"Unknown operation '{EchoedText.Cap(name)}'.");
                }
            }

            await HttpCallRunner.RunAsync(application.Pipeline, http, context, ctx => status ?? writer.HttpBinding.StatusCodeOf(ctx)).ConfigureAwait(false);
        }
        finally
        {
            body.Dispose();
        }
    }

    // The query's keys compare case-insensitively. WCF serves its one-file WSDL at ?singleWsdl, which WCF users type;
    // this WSDL is always one file (the schemas inline), so both answer the same document.
    private static bool IsWsdl(IQueryCollection query) => query.ContainsKey("wsdl") || query.ContainsKey("singleWsdl");

    private async Task WriteInterfaceDocumentAsync(HttpContext http)
    {
        var query = http.Request.Query;
        byte[] document;
        if (IsWsdl(query))
        {
            document = await application.Documents.GetWsdlAsync(AddressOf(http.Request), protocols.WsdlVersions, http).ConfigureAwait(false);
        }
        else if (query.ContainsKey("xsd"))
        {
            document = await application.Documents.GetXsdAsync(http).ConfigureAwait(false);
        }
        else
        {
            http.Response.Headers.Allow = string.Join(", ", protocols.In.Select(p => p.HttpBinding.Method.ToUpperInvariant()).Append("GET").Distinct());
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

    private string Expected()
        => string.Join("; ", protocols.In.Select(p => p.HttpBinding.ReadsQueryString
            ? $"{p.Name} calls are {p.HttpBinding.Method.ToUpperInvariant()} with the arguments in the query string"
            : $"{p.HttpBinding.Method.ToUpperInvariant()} a {p.Name} request"))
            + (protocols.ServesInterfaceDocuments ? "; GET ?wsdl for the WSDL" : string.Empty);

    /// <summary>
    /// A request refused before the pipeline (405, 415): a Client fault in the endpoint's first out protocol, or plain
    /// text where that is SOAP (a SOAP fault for a request that is not SOAP would mislead the client).
    /// </summary>
    private async Task RejectAsync(HttpContext http, int status, string message)
    {
        RpcLog.Rejected(logger, http.Request.Path, status, message);
        var response = http.Response;
        response.StatusCode = status;
        var writer = protocols.Out[0];
        if (writer.HttpBinding.RejectsInPlainText)
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(message, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        var context = application.CreateContext(new HttpRpcTransport(http), http.RequestServices, default, null, null, http.RequestAborted);
        context.OutProtocol = writer;
        context.InError = RpcFault.Client(message);
        writer.SerializeFault(context);
        writer.CreateOutString(context);
        response.ContentType = context.OutContentType;
        response.ContentLength = context.OutString.Length;
        await response.Body.WriteAsync(context.OutString, http.RequestAborted).ConfigureAwait(false);
    }
}
