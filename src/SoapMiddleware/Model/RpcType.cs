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

    /// <summary>The XSD type name: <c>xs:int</c>, <c>tns:Order</c>, <c>tns:ArrayOfOrderLine</c>.</summary>
    public XmlQualifiedName SchemaName { get; }

    /// <summary>The element name used for this type as an array item (<c>int</c>, <c>string</c>, <c>OrderLine</c>).</summary>
    public string ItemName { get; }

    /// <summary>The members of a <see cref="RpcTypeKind.Complex"/> type, in schema order.</summary>
    public IReadOnlyList<RpcMember> Members { get; internal set; } = [];

    /// <summary>The item type of an <see cref="RpcTypeKind.Array"/> type.</summary>
    public RpcType? ItemType { get; internal set; }
}
