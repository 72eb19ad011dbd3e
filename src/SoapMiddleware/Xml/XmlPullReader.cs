using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Xml;

/// <summary>
/// The forward-only view of a request that the streaming readers consume: elements, end elements and character
/// data (text, CDATA and whitespace all arrive as <see cref="XmlNodeType.Text"/>; comments and processing
/// instructions never arrive, nor does text outside the root element). Two implementations:
/// <see cref="Utf8XmlPullReader"/> (the fast path over UTF-8 bytes) and <see cref="GuardedXmlReader"/> (over
/// <see cref="XmlReader"/>, whose messages every malformed request gets).
/// </summary>
/// <remarks>
/// Any exception the reader itself raises (malformed XML, a limit, the fast reader giving up) sets
/// <see cref="Failed"/> first, so callers can tell "the document is bad" (final) from "a value is bad" (which waits
/// until the rest of the document has been checked, as it did when the whole tree was built first).
/// </remarks>
internal abstract class XmlPullReader
{
    /// <summary>Whether the reader raised an exception: the document is refused, whatever else was found.</summary>
    public bool Failed { get; protected set; }

    /// <summary>The MTOM message's parts an <c>xop:Include</c> in a binary element names; null outside MTOM.</summary>
    public XopPackage? Xop { get; set; }

    /// <summary><see cref="XmlNodeType.Element"/>, <see cref="XmlNodeType.EndElement"/> or <see cref="XmlNodeType.Text"/>.</summary>
    public abstract XmlNodeType NodeType { get; }

    public abstract string LocalName { get; }

    public abstract string NamespaceURI { get; }

    /// <summary>The root element is at depth 0, its content at 1.</summary>
    public abstract int Depth { get; }

    public abstract bool IsEmptyElement { get; }

    /// <summary>The text of a <see cref="XmlNodeType.Text"/> node, references expanded and line ends normalized.</summary>
    public abstract string Value { get; }

    /// <summary>The current element's attributes, namespace declarations included.</summary>
    public abstract int AttributeCount { get; }

    /// <summary>Advances to the next node; false at the end of the document.</summary>
    public abstract bool Read();

    /// <summary>The value of the current element's attribute, or null.</summary>
    public abstract string? GetAttribute(string localName, string namespaceUri);

    /// <summary>
    /// The namespace bound to <paramref name="prefix"/> (the default namespace for "") where the current element is,
    /// its own declarations included; null when the prefix is not declared. For QName values such as <c>xsi:type</c>.
    /// </summary>
    public abstract string? LookupNamespace(string prefix);

    /// <summary>The current element's attribute <paramref name="index"/> as LINQ to XML spells it (<c>xmlns</c>, <c>xmlns:p</c>).</summary>
    public abstract XAttribute CreateAttribute(int index);

    /// <summary>
    /// Moves to the end of the element at <paramref name="depth"/> that the reader is on or inside (its end tag, or
    /// the element itself when it is empty), reading, and so checking, everything on the way.
    /// </summary>
    public void FinishElement(int depth)
    {
        var type = NodeType;
        if (Depth == depth && ((type == XmlNodeType.EndElement) || (type == XmlNodeType.Element && IsEmptyElement)))
        {
            return;
        }

        while (Read())
        {
            if (NodeType == XmlNodeType.EndElement && Depth == depth)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The concatenated text of the current element and its descendants (what <see cref="XElement.Value"/> returns);
    /// leaves the reader on the element's end.
    /// </summary>
    public string ReadElementText()
    {
        if (IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = Depth;
        string? first = null;
        StringBuilder? more = null;
        while (Read())
        {
            var type = NodeType;
            if (type == XmlNodeType.EndElement && Depth == depth)
            {
                break;
            }

            if (type == XmlNodeType.Text)
            {
                var value = Value;
                if (first is null)
                {
                    first = value;
                }
                else
                {
                    (more ??= new StringBuilder(first)).Append(value);
                }
            }
        }

        return more?.ToString() ?? first ?? string.Empty;
    }
}
