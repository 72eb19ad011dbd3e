using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Pipeline;
using SoapMiddleware.Protocols;
using SoapMiddleware.Protocols.Mtom;
using SoapMiddleware.Xml;

namespace SoapMiddleware;

/// <summary>
/// An HTTP call whose body is MTOM (<c>multipart/related</c>, <c>application/xop+xml</c> root): its parts are read
/// beside the envelope (large ones to temporary files) under <see cref="RpcMtomOptions"/>' limits, the call runs as
/// any SOAP call with the envelope as its request, the response is MTOM too, and every part is deleted when the
/// request ends. A message that breaks a limit is answered 400 or 413 with a Client fault saying which.
/// </summary>
internal static class MtomCall
{
    public static async Task InvokeAsync(RpcApplication application, HttpContext http, IRpcProtocol reader, IRpcProtocol writer, string envelopeContentType, ILogger logger)
    {
        var request = http.Request;
        var options = application.Options;
        HttpCallRunner.AllowMtomBody(http, options);

        XopPackage? package = null;
        try
        {
            int? status = null;
            RpcFault? refusal = null;
            try
            {
                package = await MultipartRelatedReader.ReadAsync(request.Body, MultipartContentType.Parse(request.ContentType!)!, options.Mtom, options.MaxRequestBytes, http.RequestAborted).ConfigureAwait(false);
            }
            catch (RpcMtomException refused)
            {
                RpcLog.MtomRefused(logger, request.Path, refused.StatusCode, refused.Message);
                status = refused.StatusCode;
                refusal = RpcFault.Client(refused.Message);
            }
            catch (BadHttpRequestException refused)
            {
                await RequestBodyFailure.AnswerAsync(http, refused, logger).ConfigureAwait(false);
                return;
            }

            var action = RpcMediaType.Parameter(envelopeContentType, "action") ?? reader.HttpBinding.ReadAction(request);
            var context = application.CreateContext(new HttpRpcTransport(http), http.RequestServices, package?.Root ?? default, envelopeContentType, action, reader, writer, http.RequestAborted);
            context.Mtom = new MtomExchange { In = package, Respond = writer.HttpBinding.HasServiceDocument };
            if (refusal is not null)
            {
                context.InError = refusal;
            }

            await HttpCallRunner.RunAsync(application.Pipeline, http, context, ctx => status ?? writer.HttpBinding.StatusCodeOf(ctx)).ConfigureAwait(false);
        }
        finally
        {
            package?.Dispose();
        }
    }
}
