using System.Collections;
using System.Xml;
using System.Xml.Linq;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Model;

/// <summary>
/// Writes values as XML elements qualified in the model's namespace, into an <see cref="XmlSink"/> (a tree or
/// bytes). A depth guard turns a cyclic object graph into an <see cref="InvalidOperationException"/> instead of a
/// stack overflow.
/// </summary>
internal sealed class XmlModelWriter(TypeModel model)
{
    public const int MaxDepth = 64;

    public void WriteMember(XmlSink sink, string parentName, RpcMember member, object? value, int depth)
    {
        if (member.OmitDefault && member.IsDefault(value))
        {
            return;
        }

        if (member.IsWildcard)
        {
            WriteWildcard(sink, parentName, member, value);
            return;
        }

        var name = member.ElementName ?? model.Namespace + member.Name;
        if (member.IsRepeated && value is not null)
        {
            // A schema description's maxOccurs > 1 without a wrapper: one element per item, in place.
            foreach (var item in (System.Collections.IEnumerable)value)
            {
                WriteItem(sink, name, member.Type, item, depth);
            }

            return;
        }

        if (value is not null)
        {
            WriteElement(sink, name, member.Type, value, depth);
        }
        else if (member.MinOccurs > 0 || member.NilWhenNull)
        {
            // A required member: null is only representable as xsi:nil, and only when the schema allows it.
            if (!member.IsNillable)
            {
                throw new InvalidOperationException(
                    $"Cannot write element '{member.Name}' of '{parentName}': the value is null but the member is not nullable (minOccurs=1, nillable=false).");
            }

            WriteNil(sink, name);
        }
    }

    public void WriteElement(XmlSink sink, XName name, RpcType type, object value, int depth)
    {
        switch (type.Kind)
        {
            case RpcTypeKind.Complex:
                if (type.IsPolymorphic && ActualType(type, value) is { } actual && !ReferenceEquals(actual, type))
                {
                    // A known derived type in place of the declared one: its own members, marked with xsi:type.
                    WriteComplex(sink, name, actual, value, depth, typed: true);
                    break;
                }

                WriteComplex(sink, name, type, value, depth);
                break;
            case RpcTypeKind.Array:
                WriteArray(sink, name, type, value, depth);
                break;
            case RpcTypeKind.Primitive when type.IsXml:
                XmlValues.WriteAnyType(sink, name, value);
                break;
            default:
                var codec = type.Codec!;
                if (codec.IsBinary && sink.Xop is { } xop)
                {
                    // MTOM: the value leaves the XML for a part of its own, named by an xop:Include.
                    sink.StartElement(name);
                    sink.StartElement(XopNames.Include);
                    sink.WriteAttribute("href", xop.Add(value));
                    sink.EndElement(XopNames.Include);
                    sink.EndElement(name);
                    break;
                }

                if (codec.FormatsAsInvariantUtf8 && sink is Utf8XmlSink utf8)
                {
                    // The fast path's numbers: formatted into the response bytes, no string per value.
                    utf8.WriteInvariantElement(name, (IUtf8SpanFormattable)value);
                    break;
                }

                var text = codec.Format(value);
                if (codec.IsString)
                {
                    VerifyXmlChars(name, text);
                }

                sink.WriteElement(name, text);
                break;
        }
    }

    public static void WriteNil(XmlSink sink, XName name)
    {
        sink.StartElement(name);
        sink.WriteNil();
        sink.EndElement(name);
    }

    // A record (a schema description's value) says its type by name, and any other value of a schema type (an anonymous
    // object, a dictionary) is the declared type; a CLR value's type is its runtime type.
    private static RpcType ActualType(RpcType declared, object value)
        => value is Description.RpcRecord record ? Description.Schema.RecordTypes.Resolve(declared, record)
            : value.GetType() == declared.ClrType || declared.ClrType == typeof(Description.RpcRecord) ? declared
            : KnownTypeOf(declared, value);

    private static void WriteWildcard(XmlSink sink, string parentName, RpcMember member, object? value)
    {
        if (value is not null)
        {
            XmlValues.WriteWildcard(sink, member, parentName, value);
        }
        else if (member.MinOccurs > 0)
        {
            throw new InvalidOperationException($"Cannot write the xs:any member '{member.Name}' of '{parentName}': the value is null but the schema requires an element there (minOccurs=1).");
        }
    }

    /// <summary>The known type a value of a polymorphic declared type is written as; a type not known is an error naming it.</summary>
    internal static RpcType KnownTypeOf(RpcType declared, object value)
        => declared.KnownTypeOf(value.GetType())
           ?? throw new InvalidOperationException(
               $"Cannot write a '{TypeNaming.Display(value.GetType())}' in place of '{TypeNaming.Display(declared.ClrType)}': it is not one of its known types; add [KnownType(typeof({value.GetType().Name}))] to '{declared.ClrType.Name}' or [ServiceKnownType] to the contract.");

    private void WriteComplex(XmlSink sink, XName name, RpcType type, object value, int depth, bool typed = false)
    {
        GuardDepth(type, depth);
        sink.StartElement(name);
        if (typed)
        {
            sink.WriteXsiType(type.SchemaName);
        }
        if (type.HasAttributeMembers)
        {
            WriteWithAttributes(sink, name, type, value, depth);
            return;
        }

        var members = type.Members;
        var getters = type.Accessor!.Getters;
        var numbers = type.Accessor.NumberWriters;
        var utf8 = sink as Utf8XmlSink;
        for (var i = 0; i < members.Count; i++)
        {
            if (utf8 is not null && numbers[i] is { } writeNumber)
            {
                // An integer or decimal member on the byte path: read and formatted without boxing (never null).
                writeNumber(value, utf8, members[i].ElementName ?? model.Namespace + members[i].Name);
                continue;
            }

            WriteMember(sink, name.LocalName, members[i], getters[i](value), depth + 1);
        }

        sink.EndElement(name);
    }

    // The rare shape, kept out of WriteComplex's loop: the attributes on the start tag, then the other members.
    private void WriteWithAttributes(XmlSink sink, XName name, RpcType type, object value, int depth)
    {
        var members = type.Members;
        var getters = type.Accessor!.Getters;
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].IsAttribute)
            {
                WriteAttribute(sink, name.LocalName, members[i], getters[i](value));
            }
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (!members[i].IsAttribute)
            {
                WriteMember(sink, name.LocalName, members[i], getters[i](value), depth + 1);
            }
        }

        sink.EndElement(name);
    }

    // Null is an absent attribute (XmlSerializer's way): there is no xsi:nil for attributes.
    private static void WriteAttribute(XmlSink sink, string parentName, RpcMember member, object? value)
    {
        if (value is null)
        {
            if (member.MinOccurs > 0 && !member.IsNillable)
            {
                throw new InvalidOperationException(
                    $"Cannot write attribute '{member.Name}' of '{parentName}': the value is null but the member is not nullable (use=\"required\").");
            }

            return;
        }

        var codec = member.Type.Codec!;
        var text = codec.Format(value);
        if (codec.IsString)
        {
            VerifyXmlChars(member.ElementName!, text);
        }

        sink.WriteAttribute(member.ElementName!.LocalName, text);
    }

    private void WriteArray(XmlSink sink, XName name, RpcType type, object value, int depth)
    {
        GuardDepth(type, depth);
        sink.StartElement(name);
        var itemType = type.ItemType!;
        var itemName = type.ItemElementName ?? model.Namespace + itemType.ItemName;

        // T[] and List<T> are IList: indexing avoids an enumerator allocation.
        if (value is IList list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                WriteItem(sink, itemName, type, list[i], depth);
            }
        }
        else
        {
            foreach (var item in (IEnumerable)value)
            {
                WriteItem(sink, itemName, type, item, depth);
            }
        }

        sink.EndElement(name);
    }

    private void WriteItem(XmlSink sink, XName itemName, RpcType arrayType, object? item, int depth)
    {
        if (item is not null)
        {
            WriteElement(sink, itemName, arrayType.ItemType!, item, depth + 1);
        }
        else if (arrayType.ItemNillable)
        {
            WriteNil(sink, itemName);
        }
        else
        {
            throw new InvalidOperationException($"Cannot write a null item into '{arrayType.SchemaName.Name}': its items are not nillable.");
        }
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
