using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Client.Tests.Typed;

/// <summary>
/// A Kestrel server on 127.0.0.1 that answers what a test needs and a real service would not: an HTML error page, a
/// body larger than any limit (counting what it managed to write), the headers a call carried.
/// </summary>
public sealed class ScriptedServer : IAsyncLifetime
{
    private WebApplication? _app;
    private long _hugeBytesWritten;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The request headers of every call to <c>/headers</c>.</summary>
    public ConcurrentQueue<Dictionary<string, string>> Headers { get; } = new();

    /// <summary>How many bytes <c>/huge</c> handed to Kestrel (which drops writes silently once the client has gone).</summary>
    public long HugeBytesWritten => Interlocked.Read(ref _hugeBytesWritten);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/status/{code:int}", (int code) => Results.Text(new string('x', 5000) + "<html>tail</html>", "text/html", statusCode: code));
        _app.MapPost("/huge", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/xml; charset=utf-8";
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            try
            {
                for (var i = 0; i < 16 * 1024 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    Interlocked.Add(ref _hugeBytesWritten, chunk.Length);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The client stopped reading at its limit and closed the connection: what this test wants.
            }
        });
        _app.MapPost("/declared", (HttpContext context) =>
        {
            context.Response.ContentType = "text/xml; charset=utf-8";
            context.Response.ContentLength = 1L << 30;
            return context.Response.Body.FlushAsync();
        });
        _app.MapPost("/headers", (HttpContext context) =>
        {
            Headers.Enqueue(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            return Results.Text(
                "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><tns:AddResponse xmlns:tns=\"http://example.com/calc\"><tns:AddResult>3</tns:AddResult></tns:AddResponse></soap:Body></soap:Envelope>",
                "text/xml; charset=utf-8");
        });
        // An rpc/encoded answer to PHP's 'twins' (Interop/php) whose second reference names nothing.
        _app.MapPost("/encoded/dangling", () => Results.Text(
            "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:c=\"urn:calc\"><s:Body><c:twinsResponse><return>"
            + "<item href=\"#a\"/><item href=\"#nope\"/></return></c:twinsResponse><m id=\"a\"><name>x</name><age>1</age></m></s:Body></s:Envelope>",
            "text/xml; charset=utf-8"));
        // Not MessagePack: 0xc1 is the one byte the format never uses.
        _app.MapPost("/msgpack/garbage", () => Results.Bytes([0x81, 0xc1], "application/msgpack"));
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
