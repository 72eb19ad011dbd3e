using System.Xml;

namespace SoapMiddleware.Model;

/// <summary>The type model's description of one CLR type: how it is named in XSD and how it is written.</summary>
internal sealed class RpcType
{
    public RpcType(Type clrType, RpcTypeKind kind, XmlQualifiedName schemaName, string itemName)
    {
        ClrType = clrType;
        Kind = kind;
        SchemaName = schemaName;
        ItemName = itemName;
    }

    /// <summary>The CLR type, with <see cref="Nullable{T}"/> unwrapped.</summary>
    public Type ClrType { get; }

    public RpcTypeKind Kind { get; }

    /// <summary>
    /// The XSD type name: <c>xs:int</c>, <c>tns:Order</c>, <c>tns:ArrayOfOrderLine</c>. Its namespace is the type's own:
    /// the target namespace, or (a WCF contract's data contracts, an explicit <c>[DataContract(Namespace)]</c>) another.
    /// </summary>
    public XmlQualifiedName SchemaName { get; }

    /// <summary>The element name used for this type as an array item (<c>int</c>, <c>string</c>, <c>OrderLine</c>).</summary>
    public string ItemName { get; }

    /// <summary>The members of a <see cref="RpcTypeKind.Complex"/> type, in schema order.</summary>
    public IReadOnlyList<RpcMember> Members { get; internal set; } = [];

    /// <summary>The item type of an <see cref="RpcTypeKind.Array"/> type.</summary>
    public RpcType? ItemType { get; internal set; }

    /// <summary>Reads and writes element text: primitives and enums.</summary>
    internal PrimitiveCodec? Codec { get; init; }

    /// <summary>The member names of an enum, in declaration order, for the xs:enumeration facets.</summary>
    internal IReadOnlyList<string> EnumNames { get; init; } = [];

    /// <summary>
    /// Whether any member <see cref="RpcMember.IsAttribute"/>: readers and writers look for attributes only then, so
    /// types without them pay nothing per member.
    /// </summary>
    internal bool HasAttributeMembers { get; set; }

    /// <summary>The compiled constructor and getters of a complex type, set once its members are known.</summary>
    internal ComplexAccessor? Accessor { get; set; }

    /// <summary>
    /// Whether the values are XML as it is (<c>xs:anyType</c>, an <c>xs:any</c> wildcard's elements in a schema
    /// description): read as an <see cref="System.Xml.Linq.XElement"/> copy of the element, written from one. The
    /// <see cref="Codec"/> is then only the text form, for protocols without XML.
    /// </summary>
    internal bool IsXml { get; init; }

    /// <summary>Builds the CLR collection of an array type from the items read.</summary>
    internal ArrayShape? Shape { get; init; }

    /// <summary>Whether array items may be <c>xsi:nil</c>: reference types and <c>Nullable&lt;T&gt;</c> items.</summary>
    internal bool ItemNillable { get; init; }

    /// <summary>The qualified item element name of an array, precomputed so the hot path does no XName lookups.</summary>
    internal System.Xml.Linq.XName? ItemElementName { get; init; }

    /// <summary>
    /// The data contract this complex type derives from (its schema type is an <c>xs:extension</c> of it), or null. Its
    /// members come first in <see cref="Members"/>: the first <see cref="InheritedMemberCount"/> are the base's.
    /// </summary>
    internal RpcType? BaseType { get; set; }

    /// <summary>How many of <see cref="Members"/> are declared by <see cref="BaseType"/> and its bases.</summary>
    internal int InheritedMemberCount { get; set; }

    /// <summary>An abstract data contract: never constructed, read only as one of its <see cref="KnownTypes"/>.</summary>
    internal bool IsAbstract { get; init; }

    /// <summary>
    /// The derived types that may stand in place of this one, written and read with <c>xsi:type</c>
    /// (<c>[KnownType]</c>, <c>[ServiceKnownType]</c>). Replaced whole, never changed in place, so a reader on another
    /// thread sees the old array or the new one (by <see cref="TypeFactory.AddKnownType"/>, under the model's lock).
    /// </summary>
    internal RpcType[] KnownTypes { get; set; } = [];

    /// <summary>
    /// Whether readers look for <c>xsi:type</c> and writers compare the runtime type: known types or abstract. Types
    /// without either (almost all) pay one flag test per complex value.
    /// </summary>
    internal bool IsPolymorphic => IsAbstract || KnownTypes.Length > 0;

    /// <summary>The known type of CLR type <paramref name="clrType"/>, or null.</summary>
    internal RpcType? KnownTypeOf(Type clrType)
    {
        foreach (var known in KnownTypes)
        {
            if (known.ClrType == clrType)
            {
                return known;
            }
        }

        return null;
    }

    /// <summary>The known type (or this type itself) named <paramref name="localName"/> in <paramref name="ns"/>, or null.</summary>
    internal RpcType? KnownTypeNamed(string localName, string ns)
    {
        if (SchemaName.Name == localName && SchemaName.Namespace == ns)
        {
            return this;
        }

        foreach (var known in KnownTypes)
        {
            if (known.SchemaName.Name == localName && known.SchemaName.Namespace == ns)
            {
                return known;
            }
        }

        return null;
    }


    /// <summary>Whether the type is described in the schema as a named type in its own namespace.</summary>
    internal bool IsNamed => Kind != RpcTypeKind.Primitive || SchemaName.Namespace != PrimitiveCodecs.Xsd;
}
