namespace SoapMiddleware.Bench;

/// <summary>
/// The JSON ceiling: Kestrel with the same host pipeline as the sample app's JSON endpoint (routing to
/// <c>POST /json/calculator/{operation}</c>, plus /health) that drains the request body without parsing it and writes
/// the bytes the real JSON protocol returns for Echo, captured once at startup by running the real pipeline in-process
/// with the request wrk sends (<c>bench/requests/echo.json</c>).
/// </summary>
internal static class JsonCeilingServer
{
    public const string Path = "/json/calculator";

    public static async Task RunAsync(string[] args)
    {
        var (body, contentType) = await CaptureAsync("Echo", File.ReadAllBytes(System.IO.Path.Combine(AppContext.BaseDirectory, "requests", "echo.json")));
        var app = BenchHost.CreateBuilder(args).Build();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));

        // A route with the operation segment, as MapRpcJson maps it, so both servers pay the same routing.
        app.MapPost(Path + "/{operation}", (HttpContext http) => FixedResponse.WriteAsync(http, body, contentType));
        await app.RunAsync();
    }

    /// <summary>The response the sample app's JSON endpoint writes: the operation taken from the route, the body its arguments.</summary>
    private static async Task<(byte[] Body, string ContentType)> CaptureAsync(string operation, byte[] request)
    {
        var pipeline = InProcessPipeline.Create(wrapped: false);
        var application = pipeline.Application;
        await using var scope = pipeline.Host.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var context = application.CreateContext(new HttpRpcTransport(http), scope.ServiceProvider, request, "application/json", null, default);
        context.Operation = application.FindOperation(operation);
        await application.Pipeline.RunAsync(context);
        await application.Pipeline.CloseAsync(context);
        if (context.Error is { } error)
        {
            throw new InvalidOperationException($"The real pipeline faulted while capturing JSON '{operation}': {error.Message}", error);
        }

        return (context.OutString.ToArray(), context.OutContentType!);
    }
}
