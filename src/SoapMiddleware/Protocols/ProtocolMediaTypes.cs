namespace SoapMiddleware.Protocols;

/// <summary>
/// Matches a request's <c>Content-Type</c> against protocols without allocating on every call: the media type is taken
/// as a span (before any <c>;</c>, trimmed) and compared with each protocol's <see cref="IRpcProtocol.MediaTypes"/>;
/// only a protocol that matches none of them has its <see cref="IRpcProtocol.CanRead"/> asked, with the media type as a
/// string made once per request (JSON's <c>+json</c> types, a user's rules).
/// </summary>
internal ref struct ProtocolMediaTypes(string? contentType)
{
    private readonly string? _contentType = contentType;
    private string? _mediaType;

    /// <summary>Whether <paramref name="protocol"/> reads this request's media type.</summary>
    public bool ReadBy(IRpcProtocol protocol)
    {
        if (_contentType is not null)
        {
            var mediaType = RpcMediaType.Span(_contentType);
            var candidates = protocol.MediaTypes;
            for (var i = 0; i < candidates.Count; i++)
            {
                if (mediaType.Equals(candidates[i], StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            _mediaType ??= mediaType.ToString();
        }

        return protocol.CanRead(_mediaType);
    }
}
