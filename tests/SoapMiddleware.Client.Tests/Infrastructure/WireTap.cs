using System.Collections.Concurrent;

namespace SoapMiddleware.Client.Tests.Infrastructure;

/// <summary>
/// A handler in the client's HTTP pipeline that keeps what went over the wire: each request's content type and body
/// (buffered, so use it with in-memory arguments only) and the response's content type. One handler per pipeline;
/// the log is shared (<c>AddHttpMessageHandler(() =&gt; new WireTap(log))</c>).
/// </summary>
internal sealed class WireTap(ConcurrentQueue<WireExchange> log) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        log.Enqueue(new WireExchange(request.Content?.Headers.ContentType?.ToString(), body, response.Content.Headers.ContentType?.ToString()));
        return response;
    }
}
