using SampleApp.Services;

namespace SoapMiddleware.Bench;

/// <summary>
/// The real RPC application, built from the same registrations as the servers but without listening, so a call can run
/// through the pipeline in-process: the stages <see cref="RpcHttpHandler"/> runs, in the same order.
/// </summary>
internal sealed class InProcessPipeline
{
    public const string ContentType = "text/xml; charset=utf-8";

    /// <summary>The micro mode's JSON call: Echo over the JSON endpoint.</summary>
    public const string JsonEcho = "json-echo";

    private static readonly byte[] JsonEchoRequest = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "requests", "echo.json"));

    private InProcessPipeline(WebApplication host)
    {
        Host = host;
        Application = host.Services.GetRequiredService<RpcApplication>();
    }

    // Each request file read once, as before: the loop measures the pipeline, not the disk.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _requests = new();

    public WebApplication Host { get; }

    public RpcApplication Application { get; }

    public static InProcessPipeline Create(bool wrapped)
    {
        var builder = BenchHost.CreateBuilder([]);
        var rpc = builder.Services.AddRpc().AddService<CalculatorService>();
        if (wrapped)
        {
            ServiceServer.AddWrappersAndListeners(rpc);
        }

        return new InProcessPipeline(builder.Build());
    }

    /// <summary>
    /// A context as the HTTP handler makes it: <c>echo</c>, <c>getorder</c>, <c>add</c> are SOAP 1.1 calls;
    /// <c>json-echo</c> is <c>POST /json/calculator/Echo</c> with <c>requests/echo.json</c> (the route names the operation).
    /// </summary>
    public MethodContext CreateContext(HttpContext http, IServiceProvider services, string operation)
    {
        if (operation == JsonEcho)
        {
            var json = Application.CreateContext(new HttpRpcTransport(http), services, JsonEchoRequest, "application/json", null, default);
            json.Operation = Application.FindOperation("Echo");
            return json;
        }

        return Application.CreateContext(new HttpRpcTransport(http), services, _requests.GetOrAdd(operation, BenchHost.Request), ContentType, BenchHost.Action(operation), default);
    }

    /// <summary>Runs one call; returns the response body and content type (what the HTTP handler would write).</summary>
    public async Task<(byte[] Body, string ContentType, Exception? Error)> CallAsync(string operation)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var context = CreateContext(http, scope.ServiceProvider, operation);
        var pipeline = Application.Pipeline;
        await pipeline.RunAsync(context);
        await pipeline.CloseAsync(context);
        return (context.OutString.ToArray(), context.OutContentType!, context.Error);
    }
}
