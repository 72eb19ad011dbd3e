using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SoapMiddleware.Pipeline;

namespace SoapMiddleware;

/// <summary>
/// The part of an HTTP call every protocol's handler shares: lift Kestrel's body limit to the application's own,
/// then run the pipeline between <c>http_call</c> and <c>http_return</c>/<c>http_exception</c>, write the response and
/// close the context. The handlers differ only in how they build the context and choose the status code.
/// </summary>
internal static class HttpCallRunner
{
    /// <summary>Lets bodies up to <paramref name="max"/> (plus one byte, to detect "too large") past Kestrel's own limit.</summary>
    public static void AllowBodyUpTo(HttpContext http, int max)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature && (sizeFeature.MaxRequestBodySize ?? 0) < max)
        {
            sizeFeature.MaxRequestBodySize = max + 1L;
        }
    }

    /// <summary>
    /// Lets an MTOM body past Kestrel's own limit: the MTOM reader counts the envelope (<see cref="RpcOptions.MaxRequestBytes"/>),
    /// the attachments (<see cref="RpcMtomOptions.MaxBytes"/>) and every part's headers itself, so Kestrel must not cut it first.
    /// </summary>
    public static void AllowMtomBody(HttpContext http, RpcOptions options)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = options.MaxRequestBytes + options.Mtom.MaxBytes + (options.Mtom.MaxParts * (long)(options.Mtom.MaxPartHeaderBytes + 256));
        }
    }

    /// <summary>Runs the call and writes the response with the status <paramref name="statusOf"/> picks once the call is done.</summary>
    public static async Task RunAsync(RpcPipeline pipeline, HttpContext http, MethodContext context, Func<MethodContext, int> statusOf)
    {
        await pipeline.Events.FireAsync(RpcEventNames.HttpCall, context).ConfigureAwait(false);
        await pipeline.RunAsync(context).ConfigureAwait(false);
        var response = http.Response;
        if (context.Error is null && context.Operation is { IsOneWay: true } && context.OutProtocol is { HttpBinding.AcceptsOneWay: true })
        {
            // A one-way operation (WCF IsOneWay) of a protocol that accepts them (SOAP): the caller reads no reply, only the acceptance.
            response.StatusCode = StatusCodes.Status202Accepted;
            response.ContentLength = 0;
        }
        else if (context.Mtom is { Respond: true } mtom)
        {
            // The envelope as the root part, each binary value as a part of its own, streamed (length unknown: chunked).
            response.StatusCode = statusOf(context);
            var writer = new Protocols.Mtom.MtomWriter(Protocols.RpcMediaType.Of(context.OutContentType) ?? "text/xml");
            response.ContentType = writer.ContentType;
            await writer.WriteAsync(response.Body, context.OutString, (IReadOnlyList<(string, object)>?)mtom.Out?.Parts ?? [], http.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            response.StatusCode = statusOf(context);
            response.ContentType = context.OutContentType;
            response.ContentLength = context.OutString.Length;
            await response.Body.WriteAsync(context.OutString, http.RequestAborted).ConfigureAwait(false);
        }

        await pipeline.Events.FireAsync(context.Error is null ? RpcEventNames.HttpReturn : RpcEventNames.HttpException, context).ConfigureAwait(false);
        await pipeline.CloseAsync(context).ConfigureAwait(false);
    }
}
