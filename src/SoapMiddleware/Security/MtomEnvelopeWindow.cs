using System.Text;
using SoapMiddleware.Protocols.Mtom;

namespace SoapMiddleware.Security;

/// <summary>
/// Where the SOAP envelope lies in the first bytes of an MTOM request (<c>multipart/related</c>, an
/// <c>application/xop+xml</c> root), so the Security header is read there as in a plain request: after the first
/// delimiter and the root part's MIME headers, up to the next delimiter. The root must be the first part (every MTOM
/// sender known here puts it first; RFC 2387 makes the first part the root when <c>start</c> is absent); the binary
/// parts after it are never handed to the XML reader.
/// </summary>
internal static class MtomEnvelopeWindow
{
    /// <summary>
    /// The range of <paramref name="window"/> that holds the root part's content (up to its end, or the end of the
    /// window); <see langword="null"/> when the window does not show a first part that is the root.
    /// </summary>
    public static Range? Find(ReadOnlySpan<byte> window, MultipartContentType contentType)
    {
        if (string.IsNullOrEmpty(contentType.Boundary))
        {
            return null;
        }

        // The first delimiter opens the body, or ends a preamble with the CRLF before it.
        var crlfDelimiter = Encoding.ASCII.GetBytes("\r\n--" + contentType.Boundary);
        int headersStart;
        if (window.StartsWith(crlfDelimiter.AsSpan(2)))
        {
            headersStart = crlfDelimiter.Length - 2;
        }
        else
        {
            var at = window.IndexOf(crlfDelimiter.AsSpan());
            if (at < 0)
            {
                return null;
            }

            headersStart = at + crlfDelimiter.Length;
        }

        var headersLength = window[headersStart..].IndexOf("\r\n\r\n"u8);
        if (headersLength < 0)
        {
            return null;
        }

        // A start parameter names the root's Content-ID: the first part must carry it.
        var headers = Encoding.ASCII.GetString(window.Slice(headersStart, headersLength));
        if (contentType.Start is { Length: > 0 } start && !headers.Contains(start, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var contentStart = headersStart + headersLength + 4;
        var length = window[contentStart..].IndexOf(crlfDelimiter.AsSpan());
        return contentStart..(length < 0 ? window.Length : contentStart + length);
    }
}
