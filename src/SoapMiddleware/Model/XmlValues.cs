using System.Collections;
using System.Globalization;
using System.Xml.Linq;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Model;

/// <summary>
/// XML as it is, the values of <see cref="RpcType.IsXml"/> types (a schema description's <c>xs:anyType</c> and
/// <c>xs:any</c>): read as a standalone copy of the element, written from an <see cref="XElement"/>. The copy is only
/// as large and deep as the document it came from, which the reader's limits already bound.
/// </summary>
internal static class XmlValues
{
    /// <summary>
    /// A copy of <paramref name="element"/> that stands alone: the prefixes its ancestors declare are declared on it too,
    /// so a prefix in a value (<c>xsi:type="tns:T"</c>, a QName) still resolves once the document is gone.
    /// </summary>
    public static XElement Detach(XElement element)
    {
        var copy = new XElement(element);
        for (var ancestor = element.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            foreach (var attribute in ancestor.Attributes())
            {
                // Prefixed declarations only: a default namespace copied onto an element of another namespace would clash.
                if (attribute.Name.Namespace == XNamespace.Xmlns && copy.Attribute(attribute.Name) is null)
                {
                    copy.Add(new XAttribute(attribute.Name, attribute.Value));
                }
            }
        }

        return copy;
    }

    /// <summary>
    /// Writes an <c>xs:anyType</c> value as the element <paramref name="name"/>: an element of that local name as it is
    /// (a value read before, sent back), any other element as its only child, anything else as its text.
    /// </summary>
    public static void WriteAnyType(XmlSink sink, XName name, object value)
    {
        switch (value)
        {
            case XElement element when element.Name == name:
                sink.WriteXml(element);
                break;
            case XElement element when element.Name.LocalName == name.LocalName:
                sink.WriteXml(new XElement(name, element.Attributes().Where(a => a.Name != "xmlns"), element.Nodes()));
                break;
            case XElement element:
                sink.StartElement(name);
                sink.WriteXml(element);
                sink.EndElement(name);
                break;
            default:
                sink.WriteElement(name, Text(value));
                break;
        }
    }

    /// <summary>Writes the value of an <c>xs:any</c> member: the element (or, repeated, each element of the list) as it is.</summary>
    public static void WriteWildcard(XmlSink sink, RpcMember member, string parentName, object value)
    {
        if (value is XElement element)
        {
            sink.WriteXml(element);
            return;
        }

        if (member.IsRepeated && value is IEnumerable items and not string)
        {
            foreach (var item in items)
            {
                sink.WriteXml(item as XElement ?? throw NotAnElement(member, parentName, item));
            }

            return;
        }

        throw NotAnElement(member, parentName, value);
    }

    /// <summary>The index of the <c>xs:any</c> member that takes an element no other member names, or -1.</summary>
    public static int WildcardIndex(IReadOnlyList<RpcMember> members)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].IsWildcard)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The text form of an XML value, for protocols without XML (JSON) and for a simple value of <c>xs:anyType</c>.</summary>
    public static string Text(object value) => value switch
    {
        XElement element => element.ToString(SaveOptions.DisableFormatting),
        string text => text,
        bool flag => flag ? "true" : "false",
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static InvalidOperationException NotAnElement(RpcMember member, string parentName, object? value)
        => new($"Cannot write the xs:any member '{member.Name}' of '{parentName}': it takes an XElement{(member.IsRepeated ? " or a list of them" : "")}, not {(value is null ? "null" : "a '" + TypeNaming.Display(value.GetType()) + "'")}.");
}
