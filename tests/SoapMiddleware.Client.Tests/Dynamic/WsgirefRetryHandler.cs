namespace SoapMiddleware.Client.Tests.Dynamic;

/// <summary>
/// Sends a request once more when the peer closed the connection before any byte of a response. Python's wsgiref
/// server (the Spyne peers' HTTP server, <c>Interop/spyne_http.py</c>) does that to about 1 in 150 requests from .NET's
/// <see cref="HttpClient"/>, with or without keep-alive and also single-threaded (measured with a bare HttpClient loop;
/// never with Python's own client), which made the Spyne tests fail at random. The client under test is not involved; only these peers use it.
/// </summary>
internal sealed class WsgirefRetryHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ResponseEnded)
        {
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
