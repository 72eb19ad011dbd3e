using System.Globalization;
using System.Xml.Linq;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Model;

/// <summary>
/// Reads values from XML and checks them (types, occurrences, DataAnnotations rules). Errors are
/// <see cref="ModelReadException"/>s that collect their element path while unwinding. The loops walk nodes
/// directly (no LINQ, no enumerators) because they run for every element of every request.
/// </summary>
internal sealed class XmlModelReader(TypeModel model)
{
    public const int MaxDepth = 64;

    /// <summary>
    /// Reads the members of <paramref name="parent"/> into <paramref name="values"/>; absent ones stay
    /// <see cref="ComplexAccessor.Missing"/>. With <paramref name="hasAttributes"/> (<see cref="RpcType.HasAttributeMembers"/>)
    /// the attribute members are read first, from the parent's attributes.
    /// </summary>
    public void ReadMembers(XElement parent, IReadOnlyList<RpcMember> members, object?[] values, int depth, bool hasAttributes = false)
    {
        Array.Fill(values, ComplexAccessor.Missing);
        if (hasAttributes)
        {
            ReadAttributes(parent, members, values);
        }

        var next = 0;
        for (var node = parent.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is not XElement child)
            {
                continue;
            }

            var index = Find(members, child.Name, parent.Name.Namespace, next);
            if (index < 0)
            {
                index = XmlValues.WildcardIndex(members);
            }

            if (index < 0)
            {
                throw ModelReadException.At(child.Name.LocalName, "unknown element; expected " + Expected(members) + ".");
            }

            var member = members[index];
            if (member.IsRepeated)
            {
                ReadRepeated(child, member, values, index, depth);
                next = index;
                continue;
            }

            if (!ReferenceEquals(values[index], ComplexAccessor.Missing))
            {
                throw ModelReadException.At(member.Name, "the element appears more than once.");
            }

            try
            {
                values[index] = ReadMember(child, member, depth);
            }
            catch (ModelReadException ex)
            {
                throw ex.Prepend(member.Name);
            }

            next = index + 1;
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].MinOccurs > 0 && ReferenceEquals(values[i], ComplexAccessor.Missing))
            {
                throw AttributeMembers.Missing(members[i]);
            }
        }
    }

    // An element that repeats in place (a schema description's maxOccurs > 1): each one is the next item of its list.
    private void ReadRepeated(XElement child, RpcMember member, object?[] values, int index, int depth)
    {
        if (values[index] is not List<object?> items)
        {
            values[index] = items = [];
        }

        try
        {
            items.Add(XmlNames.IsNil(child)
                ? member.Type.ItemNillable ? null : throw ModelReadException.Nil()
                : ReadValue(child, member.Type.ItemType!, null, depth + 1));
        }
        catch (ModelReadException ex)
        {
            throw ex.Prepend(member.Name + "[" + items.Count.ToString(CultureInfo.InvariantCulture) + "]");
        }
    }

    // Unqualified attributes, as XmlSerializer writes them; others (xsi:, xmlns, unknown ones) are not members.
    private static void ReadAttributes(XElement parent, IReadOnlyList<RpcMember> members, object?[] values)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].IsAttribute && parent.Attribute(members[i].ElementName!) is { } attribute)
            {
                values[i] = AttributeMembers.Read(attribute.Value, members[i]);
            }
        }
    }

    public object? ReadMember(XElement element, RpcMember member, int depth)
    {
        if (XmlNames.IsNil(element))
        {
            return member.IsNillable ? null : throw ModelReadException.Nil();
        }

        return ReadValue(element, member.Type, member.Constraints, depth);
    }

    public object ReadValue(XElement element, RpcType type, MemberConstraints? constraints, int depth)
    {
        switch (type.Kind)
        {
            case RpcTypeKind.Complex:
                return ReadComplex(element, type, depth);
            case RpcTypeKind.Array:
                return ReadArray(element, type, constraints, depth);
            case RpcTypeKind.Primitive when type.IsXml:
                return XmlValues.Detach(element);
            case RpcTypeKind.Primitive when type.Codec!.IsBinary && element.HasElements && XopPackage.Current is { } xop
                && element.Element(XopNames.Include) is { } include:
                return xop.Value((string?)include.Attribute("href"), type.ClrType);
            default:
                var text = element.Value;
                var value = Parse(text, type);
                if (constraints is not null && constraints.Validate(value, text) is { } error)
                {
                    throw new ModelReadException(error);
                }

                return value;
        }
    }

    private object ReadComplex(XElement element, RpcType type, int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new ModelReadException($"the document is nested deeper than {MaxDepth} levels.");
        }

        if (type.IsPolymorphic)
        {
            type = XsiTypes.Resolve(type, element.Attribute(XsiTypes.Name)?.Value, element);
        }

        var accessor = type.Accessor ?? throw new InvalidOperationException($"Type '{type.SchemaName.Name}' was read before its description was complete.");
        var values = type.Members.Count == 0 ? [] : new object?[type.Members.Count];
        ReadMembers(element, type.Members, values, depth + 1, type.HasAttributeMembers);
        return accessor.Create(values);
    }

    private object ReadArray(XElement element, RpcType type, MemberConstraints? constraints, int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new ModelReadException($"the document is nested deeper than {MaxDepth} levels.");
        }

        var itemType = type.ItemType!;
        var itemName = type.ItemElementName ?? model.Namespace + itemType.ItemName;
        var count = 0;
        for (var node = element.FirstNode; node is not null; node = node.NextNode)
        {
            count += node is XElement ? 1 : 0;
        }

        if (constraints is not null && constraints.ValidateCount(count) is { } error)
        {
            throw new ModelReadException(error);
        }

        var shape = type.Shape!;
        var buffer = shape.CreateBuffer(count);
        var index = 0;
        for (var node = element.FirstNode; node is not null; node = node.NextNode)
        {
            if (node is not XElement child)
            {
                continue;
            }

            var segment = index;
            try
            {
                if (!Matches(child.Name, itemName, element.Name.Namespace))
                {
                    throw new ModelReadException($"unknown element '{child.Name.LocalName}'; expected '{itemName.LocalName}' items.");
                }

                object? item = null;
                if (!XmlNames.IsNil(child))
                {
                    item = ReadValue(child, itemType, null, depth + 1);
                }
                else if (!type.ItemNillable)
                {
                    throw ModelReadException.Nil();
                }

                shape.Set(buffer, index++, item);
            }
            catch (ModelReadException ex)
            {
                throw ex.Prepend(itemName.LocalName + "[" + (segment + 1).ToString(CultureInfo.InvariantCulture) + "]");
            }
        }

        return shape.Complete(buffer);
    }

    /// <summary>Parses element text with the type's codec; a bad value is a <see cref="ModelReadException"/> naming the XSD type.</summary>
    internal static object Parse(string text, RpcType type)
    {
        try
        {
            return type.Codec!.Parse(text);
        }
        catch (FormatException)
        {
            var rule = type.Kind == RpcTypeKind.Enum ? " (enumeration)" : "";
            throw new ModelReadException($"'{EchoedText.Cap(text)}' is not a valid {XmlNames.Display(type.SchemaName)}{rule}.");
        }
        catch (OverflowException)
        {
            throw new ModelReadException($"'{EchoedText.Cap(text)}' is outside the range of {XmlNames.Display(type.SchemaName)}.");
        }
    }

    // Members usually arrive in schema order, so the scan starts at the expected position.
    private int Find(IReadOnlyList<RpcMember> members, XName name, XNamespace parentNamespace, int start)
    {
        var count = members.Count;
        for (var n = 0; n < count; n++)
        {
            var i = start + n < count ? start + n : start + n - count;
            if (Matches(name, members[i].ElementName ?? model.Namespace + members[i].Name, parentNamespace) && !members[i].IsAttribute)
            {
                return i;
            }
        }

        return -1;
    }

    // XNames are atomized, so the qualified case is a reference comparison. Unqualified children and
    // children in the wrapper's own namespace are accepted for lenient clients.
    private static bool Matches(XName actual, XName expected, XNamespace parentNamespace)
        => ReferenceEquals(actual, expected)
           || ((actual.Namespace == XNamespace.None || actual.Namespace == parentNamespace) && actual.LocalName == expected.LocalName);

    private static string Expected(IReadOnlyList<RpcMember> members)
        => members.Count == 0 ? "no child elements" : string.Join(", ", members.Select(m => m.Name));
}
