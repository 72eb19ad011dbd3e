using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Xml;

/// <summary>
/// Builds LINQ to XML trees from an <see cref="XmlPullReader"/>: a whole document (the lazy
/// <see cref="MethodContext.InDocument"/>) or one element (the SOAP Header, which the request reader keeps).
/// Every character-data node becomes an <see cref="XText"/>, attributes keep document order.
/// </summary>
internal static class XmlTreeBuilder
{
    public static XDocument ReadDocument(XmlPullReader reader)
    {
        var document = new XDocument();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                document.Add(ReadElement(reader));
            }
        }

        return document;
    }

    /// <summary>The current element and its content; leaves the reader on the element's end.</summary>
    public static XElement ReadElement(XmlPullReader reader)
    {
        var root = CreateElement(reader);
        if (reader.IsEmptyElement)
        {
            return root;
        }

        var depth = reader.Depth;
        var current = root;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var element = CreateElement(reader);
                    current.Add(element);
                    if (!reader.IsEmptyElement)
                    {
                        current = element;
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (reader.Depth == depth)
                    {
                        return root;
                    }

                    current = current.Parent!;
                    break;
                case XmlNodeType.Text:
                    current.Add(new XText(reader.Value));
                    break;
            }
        }

        return root;
    }

    private static XElement CreateElement(XmlPullReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            element.Add(reader.CreateAttribute(i));
        }

        return element;
    }
}
