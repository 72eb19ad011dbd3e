using Microsoft.AspNetCore.Http;

namespace SoapMiddleware.Queue.Http;

/// <summary>
/// What the management API answers for a path or method it does not have: a problem+json 404 listing its routes, or a
/// 405 with <c>Allow</c> when the path exists with other methods, instead of routing's empty responses, so every error
/// of the API has one shape. The table repeats the routes <c>MapRpcQueue</c> maps; keep the two together.
/// </summary>
internal static class ManagementFallback
{
    private static readonly (string Method, string[] Segments)[] Routes =
    [
        (HttpMethods.Get, ["stats"]),
        (HttpMethods.Get, ["tasks"]),
        (HttpMethods.Get, ["tasks", "{id}"]),
        (HttpMethods.Get, ["workers"]),
        (HttpMethods.Get, ["recurring"]),
        (HttpMethods.Post, ["tasks", "{id}", "retry"]),
        (HttpMethods.Delete, ["tasks", "{id}"]),
        (HttpMethods.Delete, ["recurring", "{id}"]),
    ];

    /// <summary>The answer for <paramref name="path"/> (relative to the API's prefix) that no route took.</summary>
    public static IResult Answer(HttpContext http, string? path)
    {
        var segments = (path ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var allowed = Routes.Where(r => Matches(r.Segments, segments)).Select(r => r.Method).Distinct().ToList();
        if (allowed.Count > 0)
        {
            http.Response.Headers.Allow = string.Join(", ", allowed);
            return Results.Problem(
                $"{http.Request.Method} is not allowed on {EchoedText.Cap(http.Request.Path.Value ?? string.Empty)}; it takes {string.Join(", ", allowed)}.",
                statusCode: StatusCodes.Status405MethodNotAllowed);
        }

        var list = string.Join(", ", Routes.Select(r => $"{r.Method} {string.Join('/', r.Segments)}"));
        return Results.Problem(
            $"The queue management API has no {EchoedText.Cap(http.Request.Path.Value ?? string.Empty)}; it has {list}.",
            statusCode: StatusCodes.Status404NotFound);
    }

    private static bool Matches(string[] template, string[] segments)
        => template.Length == segments.Length
            && template.Zip(segments).All(p => p.First.StartsWith('{') || p.First.Equals(p.Second, StringComparison.OrdinalIgnoreCase));
}
