using System.Buffers;
using System.IO.Pipelines;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using SoapMiddleware.Protocols;
using SoapMiddleware.Protocols.Mtom;

namespace SoapMiddleware.Security;

/// <summary>
/// Reads a SOAP request's <c>wsse:Security</c> header entry (SOAP 1.1 or 1.2) before the endpoint runs, without taking
/// the body from it: its first bytes (up to the limit) are peeked from the request's pipe and left unconsumed, so the
/// HTTP transport reads the body whole as before. An MTOM request's envelope is its root part, read the same way.
/// A request that is not a SOAP envelope is left to the protocol.
/// </summary>
internal static class SecurityHeaderReader
{
    private const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string Soap12 = "http://www.w3.org/2003/05/soap-envelope";
    private static readonly XNamespace Wsse = WsSecurityNames.Wsse;
    private static readonly XNamespace Wsu = WsSecurityNames.Wsu;

    private static ReadOnlySpan<byte> WsseBytes => "oasis-200401-wss-wssecurity-secext-1.0.xsd"u8;

    /// <summary>
    /// Whether the request can carry a SOAP envelope in its body: a POST of <c>text/xml</c> or <c>application/soap+xml</c>,
    /// or of an MTOM message whose root is one of those (its <c>start-info</c>).
    /// </summary>
    public static bool IsSoapRequest(HttpRequest request, out bool is12)
    {
        var contentType = request.ContentType;
        if (MultipartContentType.IsMultipartRelated(contentType))
        {
            contentType = RpcMtom.IsMtom(contentType) ? RpcMtom.EnvelopeContentType(contentType!) : null;
        }

        var media = RpcMediaType.Of(contentType);
        is12 = string.Equals(media, "application/soap+xml", StringComparison.OrdinalIgnoreCase);
        return HttpMethods.IsPost(request.Method) && (is12 || string.Equals(media, "text/xml", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The request's Security header entry for this receiver, or <see langword="null"/> when it has none.</summary>
    /// <exception cref="WsSecurityFailure">The XML before the Body is not well-formed or longer than <paramref name="maxBytes"/>, or the entry is malformed.</exception>
    public static async Task<SecurityHeader?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        // Peek: the bytes are examined but not consumed, so whoever reads the body next reads it from its first byte.
        var pipe = request.BodyReader;
        ReadResult result;
        while (true)
        {
            result = await pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsCompleted || result.IsCanceled || result.Buffer.Length >= maxBytes)
            {
                break;
            }

            pipe.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }

        var seen = result.Buffer;
        try
        {
            var window = seen.Slice(0, Math.Min(seen.Length, maxBytes));

            // Most requests carry no Security header: they cost one search of their first bytes, no XML reader.
            if (!Contains(window, WsseBytes))
            {
                return null;
            }

            var bytes = window.ToArray();
            if (!MultipartContentType.IsMultipartRelated(request.ContentType))
            {
                return Read(bytes, .., maxBytes);
            }

            // MTOM: the envelope is the root part's content; the request's first bytes are its MIME headers.
            return MtomEnvelopeWindow.Find(bytes, MultipartContentType.Parse(request.ContentType!)!) is { } envelope ? Read(bytes, envelope, maxBytes) : null;
        }
        finally
        {
            pipe.AdvanceTo(seen.Start, seen.End);
        }
    }

    private static SecurityHeader? Read(byte[] bytes, Range range, int maxBytes)
    {
        var (offset, count) = range.GetOffsetAndLength(bytes.Length);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, offset, count, writable: false), settings);
            if (reader.MoveToContent() != XmlNodeType.Element
                || reader.LocalName != "Envelope" || reader.NamespaceURI is not (Soap11 or Soap12) || reader.IsEmptyElement)
            {
                return null;
            }

            var envelope = reader.NamespaceURI;
            reader.Read();
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "Header" || reader.NamespaceURI != envelope || reader.IsEmptyElement)
            {
                return null;
            }

            reader.Read();
            SecurityHeader? found = null;
            while (reader.MoveToContent() == XmlNodeType.Element)
            {
                if (found is null && reader.LocalName == "Security" && reader.NamespaceURI == WsSecurityNames.Wsse)
                {
                    var entry = (XElement)XNode.ReadFrom(reader);
                    found = TargetsUs(entry, envelope) ? Parse(entry, envelope == Soap12) : null;
                }
                else
                {
                    reader.Skip();
                }
            }

            return found;
        }
        catch (XmlException)
        {
            throw WsSecurityFailure.Invalid($"The SOAP Header is not well-formed XML, or does not end within its first {maxBytes} bytes.");
        }
    }

    private static bool Contains(ReadOnlySequence<byte> buffer, ReadOnlySpan<byte> value)
        => buffer.IsSingleSegment ? buffer.FirstSpan.IndexOf(value) >= 0 : buffer.ToArray().AsSpan().IndexOf(value) >= 0;

    private static SecurityHeader Parse(XElement security, bool is12)
    {
        var timestamp = security.Element(Wsu + "Timestamp");
        var token = security.Element(Wsse + "UsernameToken");
        if (token is null)
        {
            return new SecurityHeader(null, (string?)timestamp?.Element(Wsu + "Created"), (string?)timestamp?.Element(Wsu + "Expires"), is12);
        }

        var username = ((string?)token.Element(Wsse + "Username"))?.Trim();
        if (string.IsNullOrEmpty(username))
        {
            throw WsSecurityFailure.Invalid("The UsernameToken has no Username.");
        }

        var password = token.Element(Wsse + "Password");
        var nonce = token.Element(Wsse + "Nonce");
        if ((string?)nonce?.Attribute("EncodingType") is { } encoding && encoding != WsSecurityNames.Base64Binary)
        {
            throw WsSecurityFailure.Invalid("The UsernameToken's Nonce must be Base64Binary.");
        }

        // WSS 1.0 puts Created in the utility namespace; some senders use the secext one.
        var created = token.Element(Wsu + "Created") ?? token.Element(Wsse + "Created");
        return new SecurityHeader(
            new UsernameToken(username, (string?)password, (string?)password?.Attribute("Type"), ((string?)nonce)?.Trim(), ((string?)created)?.Trim()),
            (string?)timestamp?.Element(Wsu + "Created"),
            (string?)timestamp?.Element(Wsu + "Expires"),
            is12);
    }

    /// <summary>SOAP 1.1 <c>actor</c> / SOAP 1.2 <c>role</c>: a header for another node is not ours to read.</summary>
    private static bool TargetsUs(XElement entry, string envelope)
    {
        var role = (string?)entry.Attribute(XName.Get(envelope == Soap12 ? "role" : "actor", envelope));
        return role is null
            || role == "http://schemas.xmlsoap.org/soap/actor/next"
            || role == "http://www.w3.org/2003/05/soap-envelope/role/next"
            || role == "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver";
    }
}
