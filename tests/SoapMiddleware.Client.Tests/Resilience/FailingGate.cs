using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SoapMiddleware.Client.Tests.Resilience;

/// <summary>
/// A Kestrel on 127.0.0.1 in front of the sample app: it counts every request, fails the first ones as told (503, or
/// the connection reset), and passes the others to the sample app, whose answer it returns as it came.
/// </summary>
public sealed class FailingGate : IAsyncDisposable
{
    private readonly KestrelApp _app;
    private readonly HttpClient _upstream = new();
    private int _requests;
    private int _failuresLeft;

    private FailingGate(KestrelApp app) => _app = app;

    public enum Failure
    {
        ServiceUnavailable,
        ConnectionReset,
    }

    public int Requests => Volatile.Read(ref _requests);

    public Uri Address(string path) => _app.Url(path);

    public static async Task<FailingGate> StartAsync(Uri upstream, Failure failure, int failures)
    {
        FailingGate? gate = null;
        var app = KestrelApp.CreateBuilder().Build();
        app.Run(context => gate!.HandleAsync(context, upstream, failure));
        gate = new FailingGate(await KestrelApp.StartAsync(app)) { _failuresLeft = failures };
        return gate;
    }

    private async Task HandleAsync(HttpContext context, Uri upstream, Failure failure)
    {
        Interlocked.Increment(ref _requests);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            if (failure == Failure.ConnectionReset)
            {
                context.Abort();
                return;
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(upstream, context.Request.Path.Value))
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
        if (context.Request.Headers.TryGetValue("SOAPAction", out var action))
        {
            request.Headers.TryAddWithoutValidation("SOAPAction", action.ToString());
        }

        using var response = await _upstream.SendAsync(request);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await response.Content.CopyToAsync(context.Response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        _upstream.Dispose();
        await _app.DisposeAsync();
    }
}
