using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Pipeline;

namespace SoapMiddleware;

/// <summary>
/// A body Kestrel refused while we read it (too slow: 408; malformed chunks: 400) is the client's doing, not a
/// server error: it is logged as what it is, at Information, and answered with Kestrel's status, never rethrown as an
/// unhandled exception with a stack trace.
/// </summary>
public static class RequestBodyFailure
{
    /// <summary>Logs the refusal and sets Kestrel's status, unless the response has started.</summary>
    /// <param name="http">The request's context.</param>
    /// <param name="refused">What Kestrel threw while the body was read.</param>
    /// <param name="logger">Where the refusal is logged, at Information.</param>
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
