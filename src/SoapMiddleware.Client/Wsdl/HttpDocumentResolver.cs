namespace SoapMiddleware.Client.Wsdl;

/// <summary>
/// Downloads <c>http:</c> and <c>https:</c> documents that <c>allow</c> accepts (refusing the others with the reason),
/// and hands every other scheme to another resolver (local files by default).
/// </summary>
public sealed class HttpDocumentResolver : IWsdlDocumentResolver
{
    private readonly HttpClient _http;
    private readonly Func<Uri, bool> _allow;
    private readonly IWsdlDocumentResolver _other;

    /// <summary>A resolver that downloads through <paramref name="http"/> the URLs <paramref name="allow"/> accepts.</summary>
    /// <param name="http">The client to download with (its timeout applies).</param>
    /// <param name="allow">Whether a URL may be downloaded; for example only the host of the main document.</param>
    /// <param name="other">Opens the other schemes; <see cref="FileDocumentResolver"/> when null.</param>
    public HttpDocumentResolver(HttpClient http, Func<Uri, bool> allow, IWsdlDocumentResolver? other = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(allow);
        _http = http;
        _allow = allow;
        _other = other ?? new FileDocumentResolver();
    }

    /// <inheritdoc />
    public async Task<Stream> OpenAsync(Uri location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.Scheme != Uri.UriSchemeHttp && location.Scheme != Uri.UriSchemeHttps)
        {
            return await _other.OpenAsync(location, cancellationToken).ConfigureAwait(false);
        }

        if (!_allow(location))
        {
            throw new WsdlImportException($"downloading {location} is not allowed.");
        }

        var response = await _http.GetAsync(location, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            throw new WsdlImportException($"GET {location} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
    }
}
