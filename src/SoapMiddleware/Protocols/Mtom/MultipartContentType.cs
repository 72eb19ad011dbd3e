using System.Text;

namespace SoapMiddleware.Protocols.Mtom;

/// <summary>
/// A <c>multipart/related</c> content type as MTOM uses it (RFC 2387, XOP): its <c>boundary</c>, <c>type</c>,
/// <c>start</c> and <c>start-info</c> parameters, values unquoted (a quoted value may hold <c>;</c>).
/// </summary>
internal sealed class MultipartContentType
{
    private readonly Dictionary<string, string> _parameters = new(StringComparer.OrdinalIgnoreCase);

    private MultipartContentType()
    {
    }

    public string? Boundary => Get("boundary");

    /// <summary>The root's Content-ID without angle brackets, or null (the first part is the root).</summary>
    public string? Start => Get("start")?.Trim('<', '>');

    /// <summary>The content type of the envelope inside the root (<c>text/xml</c>, <c>application/soap+xml</c>).</summary>
    public string? StartInfo => Get("start-info");

    public string? Get(string name) => _parameters.GetValueOrDefault(name);

    /// <summary>Whether <paramref name="contentType"/> is <c>multipart/related</c> (the cheap test the hot path makes).</summary>
    public static bool IsMultipartRelated(string? contentType)
        => contentType is not null && contentType.StartsWith("multipart/related", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether it is an MTOM message: <c>multipart/related</c> with <c>type="application/xop+xml"</c>.</summary>
    public static bool IsMtom(string? contentType)
        => IsMultipartRelated(contentType) && Parse(contentType!) is { } parsed
            && string.Equals(parsed.Get("type"), Xml.XopNames.XopMediaType, StringComparison.OrdinalIgnoreCase);

    public static MultipartContentType? Parse(string contentType)
    {
        var result = new MultipartContentType();
        var i = contentType.IndexOf(';');
        if (i < 0)
        {
            return result;
        }

        while (i < contentType.Length)
        {
            i++;
            var equals = contentType.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }

            var name = contentType[i..equals].Trim();
            i = equals + 1;
            while (i < contentType.Length && contentType[i] == ' ')
            {
                i++;
            }

            var value = new StringBuilder();
            if (i < contentType.Length && contentType[i] == '"')
            {
                for (i++; i < contentType.Length && contentType[i] != '"'; i++)
                {
                    if (contentType[i] == '\\' && i + 1 < contentType.Length)
                    {
                        i++;
                    }

                    value.Append(contentType[i]);
                }

                i = contentType.IndexOf(';', Math.Min(i, contentType.Length));
            }
            else
            {
                var end = contentType.IndexOf(';', i);
                value.Append(contentType[i..(end < 0 ? contentType.Length : end)].Trim());
                i = end;
            }

            result._parameters[name] = value.ToString();
            if (i < 0)
            {
                break;
            }
        }

        return result;
    }
}
