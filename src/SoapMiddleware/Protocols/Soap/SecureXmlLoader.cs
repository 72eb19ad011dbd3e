using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// Parses request bytes into an <see cref="XDocument"/> in one pass with the hardening every endpoint needs:
/// the flood scan of <see cref="XmlFloodScanner"/>, then <see cref="GuardedXmlReader"/> (DTDs prohibited, no
/// external resolution, comments and processing instructions dropped, depth, attribute and namespace limits checked
/// while reading rather than after).
/// </summary>
/// <remarks>The SOAP protocol reads requests without a tree; this builds <see cref="MethodContext.InDocument"/> when someone asks for it.</remarks>
internal static class SecureXmlLoader
{
    /// <summary>Parses the bytes; throws a Client <see cref="RpcFault"/> that says what is wrong.</summary>
    public static XDocument Load(ReadOnlyMemory<byte> bytes, XmlLimits limits)
    {
        if (bytes.IsEmpty)
        {
            throw RpcFault.Client("The request body is empty; expected a SOAP envelope.");
        }

        XmlFloodScanner.Check(bytes.Span, limits);
        try
        {
            using var reader = new GuardedXmlReader(bytes, limits);
            return XmlTreeBuilder.ReadDocument(reader);
        }
        catch (XmlException ex)
        {
            throw NotWellFormed(ex);
        }
    }

    /// <summary>The Client fault for a request <see cref="XmlReader"/> refuses.</summary>
    public static RpcFault NotWellFormed(XmlException ex) => RpcFault.Client($"The request is not well-formed XML: {EchoedText.CapMessage(ex.Message)}");
}
