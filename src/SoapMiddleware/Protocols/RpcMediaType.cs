namespace SoapMiddleware.Protocols;

/// <summary>
/// Reads the media types of <c>Content-Type</c> and <c>Accept</c> header values, one way for every protocol and
/// transport: the media type is the text before any <c>;</c>, trimmed; parameters are <c>name=value</c> after it,
/// their value unquoted; an <c>Accept</c> range with quality 0 is a refusal.
/// </summary>
public static class RpcMediaType
{
    /// <summary>The media type of a <c>Content-Type</c> value (<c>text/xml</c> of <c>text/xml; charset=utf-8</c>), or null for null.</summary>
    /// <param name="contentType">A <c>Content-Type</c> header value, or one range of an <c>Accept</c> value.</param>
    public static string? Of(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        var media = Span(contentType);
        return media.Length == contentType.Length ? contentType : media.ToString();
    }

    /// <summary>A parameter of a <c>Content-Type</c> value (SOAP 1.2's <c>action</c>, say), unquoted; null when absent.</summary>
    /// <param name="contentType">A <c>Content-Type</c> header value.</param>
    /// <param name="name">The parameter's name, matched case-insensitively.</param>
    public static string? Parameter(string? contentType, string name)
    {
        if (contentType is null)
        {
            return null;
        }

        foreach (var part in contentType.Split(';').Skip(1))
        {
            var equals = part.IndexOf('=');
            if (equals > 0 && part[..equals].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return part[(equals + 1)..].Trim().Trim('"');
            }
        }

        return null;
    }

    /// <summary>The media ranges of an <c>Accept</c> value the client takes, in its order; ranges with quality 0 (refused) left out.</summary>
    /// <param name="accept">An <c>Accept</c> header value; null or blank takes nothing in particular (an empty list).</param>
    public static IReadOnlyList<string> Accepted(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return [];
        }

        var ranges = new List<string>();
        foreach (var range in accept.Split(','))
        {
            var fields = range.Split(';');
            if (!fields.Skip(1).Any(f => f.Trim() is "q=0" or "q=0.0" or "q=0.00" or "q=0.000"))
            {
                ranges.Add(fields[0].Trim());
            }
        }

        return ranges;
    }

    /// <summary>The media type of a <c>Content-Type</c> value as a span, without allocating: before any <c>;</c>, trimmed.</summary>
    internal static ReadOnlySpan<char> Span(string contentType)
    {
        var semicolon = contentType.IndexOf(';');
        return (semicolon < 0 ? contentType.AsSpan() : contentType.AsSpan(0, semicolon)).Trim();
    }
}
