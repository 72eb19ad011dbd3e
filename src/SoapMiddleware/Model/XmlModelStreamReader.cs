using System.Buffers;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Xml;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Model;

/// <summary>
/// <see cref="XmlModelReader"/> over a forward-only <see cref="XmlPullReader"/> instead of a tree: the same rules,
/// in the same order, with the same messages, so a request read straight from its bytes is accepted or refused
/// exactly as the tree reader would.
/// </summary>
/// <remarks>
/// Every method starts on the start tag of its element and leaves the reader on that element's end (its end tag,
/// or the element itself when empty). The one place a forward-only read must work harder is an array: the tree
/// reader checks the item count before any item, so here the first item error waits until the count is known.
/// </remarks>
internal sealed class XmlModelStreamReader(TypeModel model)
{
    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>
    /// Reads the members of the current element into <paramref name="values"/>; absent ones stay
    /// <see cref="ComplexAccessor.Missing"/>. With <paramref name="hasAttributes"/> the attribute members are read
    /// first, from the current element's attributes.
    /// </summary>
    public void ReadMembers(XmlPullReader reader, IReadOnlyList<RpcMember> members, object?[] values, int depth, bool hasAttributes = false)
    {
        Array.Fill(values, ComplexAccessor.Missing);
        if (hasAttributes)
        {
            ReadAttributes(reader, members, values);
        }

        if (!reader.IsEmptyElement)
        {
            var parentDepth = reader.Depth;
            var parentNamespace = reader.NamespaceURI;
            var next = 0;
            while (reader.Read())
            {
                var nodeType = reader.NodeType;
                if (nodeType == XmlNodeType.EndElement && reader.Depth == parentDepth)
                {
                    break;
                }

                if (nodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var index = Find(members, reader.LocalName, reader.NamespaceURI, parentNamespace, next);
                if (index < 0)
                {
                    index = XmlValues.WildcardIndex(members);
                }

                if (index < 0)
                {
                    throw ModelReadException.At(reader.LocalName, "unknown element; expected " + Expected(members) + ".");
                }

                var member = members[index];
                if (!ReferenceEquals(values[index], ComplexAccessor.Missing))
                {
                    throw ModelReadException.At(member.Name, "the element appears more than once.");
                }

                try
                {
                    values[index] = ReadMember(reader, member, depth);
                }
                catch (ModelReadException ex)
                {
                    throw ex.Prepend(member.Name);
                }

                next = index + 1;
            }
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].MinOccurs > 0 && ReferenceEquals(values[i], ComplexAccessor.Missing))
            {
                throw AttributeMembers.Missing(members[i]);
            }
        }
    }

    // The tree reader's rule: unqualified attributes only.
    private static void ReadAttributes(XmlPullReader reader, IReadOnlyList<RpcMember> members, object?[] values)
    {
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].IsAttribute && reader.GetAttribute(members[i].ElementName!.LocalName, string.Empty) is { } text)
            {
                values[i] = AttributeMembers.Read(text, members[i]);
            }
        }
    }

    private object? ReadMember(XmlPullReader reader, RpcMember member, int depth)
    {
        if (IsNil(reader))
        {
            if (!member.IsNillable)
            {
                throw ModelReadException.Nil();
            }

            // The tree reader never looks inside a nil element; its content is only read past (and checked as XML).
            reader.FinishElement(reader.Depth);
            return null;
        }

        return ReadValue(reader, member.Type, member.Constraints, depth);
    }

    private object ReadValue(XmlPullReader reader, RpcType type, MemberConstraints? constraints, int depth)
    {
        switch (type.Kind)
        {
            case RpcTypeKind.Complex:
                return ReadComplex(reader, type, depth);
            case RpcTypeKind.Array:
                return ReadArray(reader, type, constraints, depth);
            case RpcTypeKind.Primitive when type.IsXml:
                return XmlTreeBuilder.ReadElement(reader);
            case RpcTypeKind.Primitive when reader.Xop is not null && type.Codec!.IsBinary:
                return ReadXop(reader, type, reader.Xop);
            default:
                var text = reader.ReadElementText();
                var value = XmlModelReader.Parse(text, type);
                if (constraints is not null && constraints.Validate(value, text) is { } error)
                {
                    throw new ModelReadException(error);
                }

                return value;
        }
    }

    /// <summary>A binary element of an MTOM message: an <c>xop:Include</c> naming its part, or base64 text as anywhere else.</summary>
    private static object ReadXop(XmlPullReader reader, RpcType type, XopPackage xop)
    {
        if (reader.IsEmptyElement)
        {
            return XmlModelReader.Parse(string.Empty, type);
        }

        var depth = reader.Depth;
        string? href = null;
        var included = false;
        var text = new System.Text.StringBuilder();
        while (reader.Read())
        {
            var nodeType = reader.NodeType;
            if (nodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                break;
            }

            if (nodeType == XmlNodeType.Element && reader.LocalName == "Include" && reader.NamespaceURI == XopNames.Namespace && !included)
            {
                included = true;
                href = reader.GetAttribute("href", string.Empty);
                reader.FinishElement(reader.Depth);
            }
            else if (nodeType == XmlNodeType.Text)
            {
                text.Append(reader.Value);
            }
        }

        return included ? xop.Value(href, type.ClrType) : XmlModelReader.Parse(text.ToString(), type);
    }

    private object ReadComplex(XmlPullReader reader, RpcType type, int depth)
    {
        if (depth >= XmlModelReader.MaxDepth)
        {
            throw new ModelReadException($"the document is nested deeper than {XmlModelReader.MaxDepth} levels.");
        }

        if (type.IsPolymorphic)
        {
            type = XsiTypes.Resolve(type, reader.AttributeCount > 0 ? reader.GetAttribute("type", XsiNamespace) : null, reader);
        }

        var accessor = type.Accessor ?? throw new InvalidOperationException($"Type '{type.SchemaName.Name}' was read before its description was complete.");
        var values = type.Members.Count == 0 ? [] : new object?[type.Members.Count];
        ReadMembers(reader, type.Members, values, depth + 1, type.HasAttributeMembers);
        return accessor.Create(values);
    }

    private object ReadArray(XmlPullReader reader, RpcType type, MemberConstraints? constraints, int depth)
    {
        if (depth >= XmlModelReader.MaxDepth)
        {
            throw new ModelReadException($"the document is nested deeper than {XmlModelReader.MaxDepth} levels.");
        }

        var itemType = type.ItemType!;
        var itemName = type.ItemElementName ?? model.Namespace + itemType.ItemName;
        var shape = type.Shape!;
        if (reader.IsEmptyElement)
        {
            CheckCount(constraints, 0);
            return shape.Complete(shape.CreateBuffer(0));
        }

        var arrayDepth = reader.Depth;
        var arrayNamespace = reader.NamespaceURI;
        var items = ArrayPool<object?>.Shared.Rent(16);
        var count = 0;
        ExceptionDispatchInfo? firstError = null;
        try
        {
            while (reader.Read())
            {
                var nodeType = reader.NodeType;
                if (nodeType == XmlNodeType.EndElement && reader.Depth == arrayDepth)
                {
                    break;
                }

                if (nodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var itemDepth = reader.Depth;
                var segment = count++;
                if (firstError is not null)
                {
                    // Only counted from here on: the count's rule is reported before any item's.
                    reader.FinishElement(itemDepth);
                    continue;
                }

                try
                {
                    var item = ReadItem(reader, type, itemType, itemName.LocalName, itemName.NamespaceName, arrayNamespace, depth);
                    if (segment == items.Length)
                    {
                        var larger = ArrayPool<object?>.Shared.Rent(items.Length * 2);
                        items.AsSpan(0, segment).CopyTo(larger);
                        ArrayPool<object?>.Shared.Return(items, clearArray: true);
                        items = larger;
                    }

                    items[segment] = item;
                }
                catch (ModelReadException ex)
                {
                    firstError = ExceptionDispatchInfo.Capture(ex.Prepend(itemName.LocalName + "[" + (segment + 1).ToString(CultureInfo.InvariantCulture) + "]"));
                    reader.FinishElement(itemDepth);
                }
                catch (Exception ex) when (!reader.Failed)
                {
                    firstError = ExceptionDispatchInfo.Capture(ex);
                    reader.FinishElement(itemDepth);
                }
            }

            CheckCount(constraints, count);
            firstError?.Throw();
            var buffer = shape.CreateBuffer(count);
            for (var i = 0; i < count; i++)
            {
                shape.Set(buffer, i, items[i]);
            }

            return shape.Complete(buffer);
        }
        finally
        {
            ArrayPool<object?>.Shared.Return(items, clearArray: true);
        }
    }

    private object? ReadItem(XmlPullReader reader, RpcType arrayType, RpcType itemType, string itemLocalName, string itemNamespace, string arrayNamespace, int depth)
    {
        if (!Matches(reader.LocalName, reader.NamespaceURI, itemLocalName, itemNamespace, arrayNamespace))
        {
            throw new ModelReadException($"unknown element '{reader.LocalName}'; expected '{itemLocalName}' items.");
        }

        if (!IsNil(reader))
        {
            return ReadValue(reader, itemType, null, depth + 1);
        }

        if (!arrayType.ItemNillable)
        {
            throw ModelReadException.Nil();
        }

        reader.FinishElement(reader.Depth);
        return null;
    }

    private static void CheckCount(MemberConstraints? constraints, int count)
    {
        if (constraints is not null && constraints.ValidateCount(count) is { } error)
        {
            throw new ModelReadException(error);
        }
    }

    private static bool IsNil(XmlPullReader reader)
        => reader.AttributeCount > 0 && reader.GetAttribute("nil", XsiNamespace) is "true" or "1";

    // Members usually arrive in schema order, so the scan starts at the expected position.
    private int Find(IReadOnlyList<RpcMember> members, string localName, string ns, string parentNamespace, int start)
    {
        var count = members.Count;
        for (var n = 0; n < count; n++)
        {
            var i = start + n < count ? start + n : start + n - count;
            var expected = members[i].ElementName ?? model.Namespace + members[i].Name;
            if (Matches(localName, ns, expected.LocalName, expected.NamespaceName, parentNamespace) && !members[i].IsAttribute)
            {
                return i;
            }
        }

        return -1;
    }

    // The tree reader's rule in strings: the expected name, or the expected local name unqualified or in the
    // wrapper's own namespace (lenient clients).
    private static bool Matches(string localName, string ns, string expectedLocalName, string expectedNamespace, string parentNamespace)
        => localName == expectedLocalName && (ns == expectedNamespace || ns.Length == 0 || ns == parentNamespace);

    private static string Expected(IReadOnlyList<RpcMember> members)
        => members.Count == 0 ? "no child elements" : string.Join(", ", members.Select(m => m.Name));
}
