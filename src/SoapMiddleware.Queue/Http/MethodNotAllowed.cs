using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SoapMiddleware.Queue.Http;

/// <summary>
/// A queue path asked with another method answers a problem+json 405 with <c>Allow</c>, not routing's empty 405, so
/// every error of the queue's HTTP surface has one shape. Mapped beside the real endpoint, in the same group, so the
/// group's conventions (authorization, say) apply to it as well.
/// </summary>
internal static class MethodNotAllowed
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch];

    public static void Map(IEndpointRouteBuilder endpoints, string pattern, string allowed)
        => endpoints.MapMethods(pattern, Methods.Where(m => m != allowed), (HttpContext http) =>
        {
            http.Response.Headers.Allow = allowed;
            return Results.Problem(
                $"{http.Request.Method} is not allowed on {EchoedText.Cap(http.Request.Path.Value ?? string.Empty)}; it takes {allowed}.",
                statusCode: StatusCodes.Status405MethodNotAllowed);
        });
}
