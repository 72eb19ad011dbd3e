namespace SoapMiddleware.Bench;

/// <summary>
/// The ceiling: Kestrel with the same host pipeline as the sample app (routing for /health, a terminal handler at
/// /soap/calculator) that drains the request body without parsing it and writes the response bytes the real service
/// returns for one operation, captured once at startup by running the real pipeline in-process.
/// </summary>
internal static class CeilingServer
{
    public static async Task RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            throw new ArgumentException("ceiling needs an operation: echo, getorder or add.");
        }

        var operation = args[0];
        var (body, contentType, error) = await InProcessPipeline.Create(wrapped: false).CallAsync(operation);
        if (error is not null)
        {
            throw new InvalidOperationException($"The real pipeline faulted while capturing '{operation}': {error.Message}", error);
        }

        var app = BenchHost.CreateBuilder(args[1..]).Build();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.Map("/soap/calculator", branch => branch.Run(async http =>
        {
            if (!HttpMethods.IsPost(http.Request.Method))
            {
                http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return;
            }

            await FixedResponse.WriteAsync(http, body, contentType);
        }));
        await app.RunAsync();
    }
}
