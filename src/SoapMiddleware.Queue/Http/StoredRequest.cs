using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Protocols;
using SoapMiddleware.Security;

namespace SoapMiddleware.Queue.Http;

/// <summary>
/// What the enqueue endpoint stores of a SOAP request: the request without its <c>wsse:Security</c> header entries.
/// The token was checked at enqueue (its nonce used once), the caller's name is kept as the task's
/// <see cref="Engine.QueuedCall.EnqueuedBy"/>, and a queued run reads nothing else of it; stored, a <c>PasswordText</c>
/// token would put the caller's password in the queue's database (a digest, its nonce and digest) for as long as
/// the task is kept.
/// </summary>
internal static partial class StoredRequest
{
    private static readonly string[] Envelopes = ["http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/2003/05/soap-envelope"];

    private static ReadOnlySpan<byte> WsseBytes => "oasis-200401-wss-wssecurity-secext-1.0.xsd"u8;

    /// <summary>
    /// <paramref name="payload"/> without the Header's <c>wsse:Security</c> entries, as UTF-8 (<paramref name="contentType"/>'s
    /// charset follows); the same bytes when it has none or is not a SOAP envelope. Everything else is kept as sent,
    /// whitespace included, and a line break in a text stays one (written as a character reference).
    /// </summary>
    public static (byte[] Payload, string ContentType) WithoutSecurityHeader(byte[] payload, string contentType)
    {
        // Most requests carry none: one byte search, no parsing. A request in UTF-16 or UTF-32 is searched by parsing.
        if (payload.AsSpan().IndexOf(WsseBytes) < 0 && !IsWide(payload))
        {
            return (payload, contentType);
        }

        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new MemoryStream(payload, writable: false), settings);
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            // Not XML (a JSON call that mentions the namespace): not a SOAP header either.
            return (payload, contentType);
        }

        var envelope = document.Root;
        if (envelope is null || !Envelopes.Contains(envelope.Name.NamespaceName) || envelope.Name.LocalName != "Envelope")
        {
            return (payload, contentType);
        }

        var entries = envelope.Elements(envelope.Name.Namespace + "Header").Elements(WsSecurityNames.Security).ToList();
        if (entries.Count == 0)
        {
            return (payload, contentType);
        }

        entries.Remove();
        var buffer = new MemoryStream(payload.Length);
        var writerSettings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), NewLineHandling = NewLineHandling.Entitize };
        using (var writer = XmlWriter.Create(buffer, writerSettings))
        {
            document.Save(writer);
        }

        return (buffer.ToArray(), Utf8(contentType));
    }

    /// <summary>Whether the bytes start as UTF-16 or UTF-32 do (a byte order mark, or a zero byte among the first two).</summary>
    private static bool IsWide(byte[] payload)
        => payload.Length >= 2 && (payload[0] is 0 or 0xFE or 0xFF || payload[1] == 0);

    /// <summary>The content type with a charset other than UTF-8 named UTF-8, as the bytes now are.</summary>
    private static string Utf8(string contentType)
        => RpcMediaType.Parameter(contentType, "charset") is { } charset && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            ? Charset().Replace(contentType, "charset=utf-8")
            : contentType;

    [GeneratedRegex("""charset\s*=\s*("[^"]*"|[^;\s]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Charset();
}
