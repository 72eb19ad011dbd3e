using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Pipeline;

namespace SoapMiddleware;

/// <summary>
/// A body Kestrel refused while we read it (too slow: 408; malformed chunks: 400) is the client's doing, not a
/// server error: it is logged as what it is, at Information, and answered with Kestrel's status, never rethrown as an
/// unhandled exception with a stack trace.
/// </summary>
internal static class RequestBodyFailure
{
    public static Task AnswerAsync(HttpContext http, BadHttpRequestException refused, ILogger logger)
    {
        RpcLog.BodyReadRefused(logger, http.Request.Path, refused.StatusCode, refused.Message);
        if (!http.Response.HasStarted)
        {
            http.Response.StatusCode = refused.StatusCode;
        }

        return Task.CompletedTask;
    }
}
