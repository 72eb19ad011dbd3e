using System.Xml.Linq;

namespace SoapMiddleware.Xml;

/// <summary>The names of XOP (XML-binary Optimized Packaging, W3C 2005) and of the MTOM packaging around it.</summary>
internal static class XopNames
{
    public const string Namespace = "http://www.w3.org/2004/08/xop/include";

    /// <summary>The media type of an XOP root part (the SOAP envelope with <c>xop:Include</c> in place of binary text).</summary>
    public const string XopMediaType = "application/xop+xml";

    /// <summary>The XML-mime namespace of <c>xmime:expectedContentTypes</c> in a schema.</summary>
    public const string XmimeNamespace = "http://www.w3.org/2005/05/xmlmime";

    public static readonly XName Include = XName.Get("Include", Namespace);

    /// <summary>The Content-ID a <c>cid:</c> reference names: the href without its scheme, URL-decoded, without angle brackets.</summary>
    public static string ContentIdOf(string href)
    {
        var id = href.StartsWith("cid:", StringComparison.OrdinalIgnoreCase) ? href[4..] : href;
        return Uri.UnescapeDataString(id).Trim('<', '>');
    }
}
