using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// Parses request bytes into an <see cref="XDocument"/> in one pass with the hardening every endpoint needs:
/// DTDs prohibited (so no XXE and no entity expansion bombs), no external resolution, comments and processing
/// instructions dropped, and a maximum element depth checked while reading rather than after.
/// </summary>
internal static class SecureXmlLoader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = true,
    };

    /// <summary>Parses the bytes; throws a Client <see cref="RpcFault"/> that says what is wrong.</summary>
    public static XDocument Load(ReadOnlyMemory<byte> bytes, int maxDepth)
    {
        if (bytes.IsEmpty)
        {
            throw RpcFault.Client("The request body is empty; expected a SOAP envelope.");
        }

        try
        {
            using var stream = new ReadOnlyMemoryStream(bytes);
            using var reader = XmlReader.Create(stream, Settings);
            return Build(reader, maxDepth);
        }
        catch (XmlException ex)
        {
            throw RpcFault.Client($"The request is not well-formed XML: {ex.Message}");
        }
    }

    /// <summary>Namespace declarations need LINQ to XML's spelling: <c>xmlns</c> alone, or <c>xmlns:prefix</c>.</summary>
    private static XName AttributeName(XmlReader reader)
    {
        if (reader.NamespaceURI == XNamespace.Xmlns.NamespaceName)
        {
            return reader.Prefix.Length == 0 ? XName.Get("xmlns") : XNamespace.Xmlns + reader.LocalName;
        }

        return XName.Get(reader.LocalName, reader.NamespaceURI);
    }

    private static XDocument Build(XmlReader reader, int maxDepth)
    {
        var document = new XDocument();
        XContainer current = document;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth >= maxDepth)
                    {
                        throw RpcFault.Client($"The request nests elements deeper than the limit of {maxDepth}.");
                    }

                    var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            element.Add(new XAttribute(AttributeName(reader), reader.Value));
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }

                    current.Add(element);
                    if (!reader.IsEmptyElement)
                    {
                        current = element;
                    }

                    break;
                case XmlNodeType.EndElement:
                    current = current.Parent ?? (XContainer)document;
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                case XmlNodeType.Whitespace:
                    if (current is XElement)
                    {
                        current.Add(new XText(reader.Value));
                    }

                    break;
                case XmlNodeType.DocumentType:
                    throw RpcFault.Client("The request contains a DTD; DTDs are not allowed.");
            }
        }

        return document;
    }
}
