using Microsoft.AspNetCore.Http;

namespace SoapMiddleware.Queue.Http;

/// <summary>Bytes with a status code other than 200 (a stored SOAP fault is answered 500, like the synchronous endpoint).</summary>
internal sealed class StatusBytesResult(byte[] body, string contentType, int statusCode) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = contentType;
        httpContext.Response.ContentLength = body.Length;
        return httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
