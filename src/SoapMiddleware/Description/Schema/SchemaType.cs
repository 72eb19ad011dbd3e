using System.Xml;
using SoapMiddleware.Model;

namespace SoapMiddleware.Description.Schema;

/// <summary>
/// A type of a description built from a schema (<see cref="SchemaDescriptionBuilder"/>): its XSD name, shape and
/// members, and the CLR type its values have. Created by the builder; a complex type's members are added until the
/// description is built, so recursive types can refer to themselves.
/// </summary>
public sealed class SchemaType
{
    private readonly List<SchemaMember> _members = [];

    internal SchemaType(RpcType rpcType, SchemaTypeKind kind)
    {
        Rpc = rpcType;
        Kind = kind;
    }

    /// <summary>The XSD type name (<c>xs:int</c>, <c>tns:Order</c>).</summary>
    public XmlQualifiedName Name => Rpc.SchemaName;

    /// <summary>The shape.</summary>
    public SchemaTypeKind Kind { get; }

    /// <summary>
    /// The CLR type of the values: the primitive's (<see cref="int"/>, <see cref="string"/>, <see cref="DateTime"/>,
    /// <see cref="byte"/>[] ...), <see cref="string"/> for an enumeration, <see cref="RpcRecord"/> for a complex type,
    /// <see cref="IReadOnlyList{T}"/> of object for an array, <see cref="System.Xml.Linq.XElement"/> for XML.
    /// </summary>
    public Type ClrType => Rpc.ClrType;

    /// <summary>The members of a complex type, in schema order (attributes included): its base type's first.</summary>
    public IReadOnlyList<SchemaMember> Members => BaseType is null ? _members : [.. BaseType.Members, .. _members];

    /// <summary>
    /// The complex type this one extends (<c>xs:extension</c>), or null: its members come first, and a value of this
    /// type may stand where the base is declared, marked with <c>xsi:type</c>.
    /// </summary>
    public SchemaType? BaseType { get; internal init; }

    /// <summary>The item type of an array, else null.</summary>
    public SchemaType? ItemType { get; internal init; }

    /// <summary>The values of an enumeration, in schema order.</summary>
    public IReadOnlyList<string> EnumerationValues => Rpc.EnumNames;

    internal RpcType Rpc { get; }

    internal void Add(SchemaMember member) => _members.Add(member);

    /// <inheritdoc />
    public override string ToString() => Name.ToString();
}
