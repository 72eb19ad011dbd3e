using System.Collections;
using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Model;

/// <summary>
/// Writes values as XML elements qualified in the model's namespace. A depth guard turns a cyclic
/// object graph into an <see cref="InvalidOperationException"/> instead of a stack overflow.
/// </summary>
internal sealed class XmlModelWriter(TypeModel model)
{
    public const int MaxDepth = 64;

    private static readonly XAttribute XsiDeclaration = new(XNamespace.Xmlns + "xsi", XmlNames.Xsi.NamespaceName);

    public void WriteMember(XElement parent, RpcMember member, object? value, int depth)
    {
        var name = member.ElementName ?? model.Namespace + member.Name;
        if (value is not null)
        {
            parent.Add(WriteElement(name, member.Type, value, depth));
        }
        else if (member.MinOccurs > 0)
        {
            // A required member: null is only representable as xsi:nil, and only when the schema allows it.
            parent.Add(member.IsNillable
                ? NilElement(name)
                : throw new InvalidOperationException(
                    $"Cannot write element '{member.Name}' of '{parent.Name.LocalName}': the value is null but the member is not nullable (minOccurs=1, nillable=false)."));
        }
    }

    public XElement WriteElement(XName name, RpcType type, object value, int depth)
    {
        switch (type.Kind)
        {
            case RpcTypeKind.Complex:
                return WriteComplex(name, type, value, depth);
            case RpcTypeKind.Array:
                return WriteArray(name, type, value, depth);
            default:
                var codec = type.Codec!;
                var text = codec.Format(value);
                if (codec.IsString)
                {
                    VerifyXmlChars(name, text);
                }

                return new XElement(name, text);
        }
    }

    public static XElement NilElement(XName name)
        => new(name, new XAttribute(XsiDeclaration), new XAttribute(XmlNames.Nil, "true"));

    private XElement WriteComplex(XName name, RpcType type, object value, int depth)
    {
        GuardDepth(type, depth);
        var element = new XElement(name);
        var members = type.Members;
        var getters = type.Accessor!.Getters;
        for (var i = 0; i < members.Count; i++)
        {
            WriteMember(element, members[i], getters[i](value), depth + 1);
        }

        return element;
    }

    private XElement WriteArray(XName name, RpcType type, object value, int depth)
    {
        GuardDepth(type, depth);
        var element = new XElement(name);
        var itemType = type.ItemType!;
        var itemName = type.ItemElementName ?? model.Namespace + itemType.ItemName;

        // T[] and List<T> are IList: indexing avoids an enumerator allocation.
        if (value is IList list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                element.Add(WriteItem(itemName, type, list[i], depth));
            }
        }
        else
        {
            foreach (var item in (IEnumerable)value)
            {
                element.Add(WriteItem(itemName, type, item, depth));
            }
        }

        return element;
    }

    private XElement WriteItem(XName itemName, RpcType arrayType, object? item, int depth)
    {
        if (item is not null)
        {
            return WriteElement(itemName, arrayType.ItemType!, item, depth + 1);
        }

        return arrayType.ItemNillable
            ? NilElement(itemName)
            : throw new InvalidOperationException($"Cannot write a null item into '{arrayType.SchemaName.Name}': its items are not nillable.");
    }

    private static void GuardDepth(RpcType type, int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new InvalidOperationException(
                $"Cannot write '{type.SchemaName.Name}': the object graph is nested deeper than {MaxDepth} levels; it probably contains a cycle (an object that refers back to an ancestor).");
        }
    }

    private static void VerifyXmlChars(XName name, string text)
    {
        try
        {
            XmlConvert.VerifyXmlChars(text);
        }
        catch (XmlException ex)
        {
            throw new InvalidOperationException($"Cannot write element '{name.LocalName}': the string contains a character XML 1.0 cannot represent. {ex.Message}", ex);
        }
    }
}
