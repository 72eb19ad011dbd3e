using System.Xml.Linq;

namespace SoapMiddleware.Description.Schema;

/// <summary>A member of a complex type, or a part of an operation's message, in a description built from a schema.</summary>
/// <param name="name">The qualified element name (an attribute's name, usually unqualified).</param>
/// <param name="type">The member's type.</param>
public sealed class SchemaMember(XName name, SchemaType type)
{
    /// <summary>The qualified element name, or the attribute's name.</summary>
    public XName Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>The member's type; for a repeated member, the type of one item.</summary>
    public SchemaType Type { get; } = type ?? throw new ArgumentNullException(nameof(type));

    /// <summary>Whether the member may be left out (<c>minOccurs="0"</c>, a <c>choice</c> branch, an optional attribute).</summary>
    public bool IsOptional { get; init; }

    /// <summary>Whether the member may be <c>xsi:nil</c> (<c>nillable="true"</c>).</summary>
    public bool IsNillable { get; init; }

    /// <summary>Whether the member is an XML attribute of its owner's element (a simple type).</summary>
    public bool IsAttribute { get; init; }

    /// <summary>
    /// Whether the element may repeat in place (<c>maxOccurs</c> above 1) without a wrapper: its value is a list of
    /// <see cref="Type"/>'s values.
    /// </summary>
    public bool IsRepeated { get; init; }

    /// <summary>
    /// Whether the member is an <c>xs:any</c> wildcard (of <see cref="SchemaTypeKind.Xml"/> type): it holds any child
    /// element no other member names, as an <see cref="System.Xml.Linq.XElement"/> (a list of them when repeated), and
    /// a value given for it is written as the element it is. <see cref="Name"/> is only the member's name in a record.
    /// </summary>
    public bool IsWildcard { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Name.LocalName}: {Type}{(IsRepeated ? "[]" : "")}{(IsOptional ? "?" : "")}";
}
