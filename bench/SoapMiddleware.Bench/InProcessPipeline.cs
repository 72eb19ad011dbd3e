using SampleApp.Services;

namespace SoapMiddleware.Bench;

/// <summary>
/// The real RPC application, built from the same registrations as the servers but without listening, so a call can run
/// through the pipeline in-process: the stages <see cref="RpcHttpHandler"/> runs, in the same order.
/// </summary>
internal sealed class InProcessPipeline
{
    public const string ContentType = "text/xml; charset=utf-8";

    private InProcessPipeline(WebApplication host)
    {
        Host = host;
        Application = host.Services.GetRequiredService<RpcApplication>();
    }

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

    /// <summary>Runs one call; returns the response body and content type (what the HTTP handler would write).</summary>
    public async Task<(byte[] Body, string ContentType, Exception? Error)> CallAsync(string operation)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var context = Application.CreateContext(new HttpRpcTransport(http), scope.ServiceProvider, BenchHost.Request(operation), ContentType, BenchHost.Action(operation), default);
        var pipeline = Application.Pipeline;
        await pipeline.RunAsync(context);
        await pipeline.CloseAsync(context);
        return (context.OutString.ToArray(), context.OutContentType!, context.Error);
    }
}
