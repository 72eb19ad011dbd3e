using System.Xml;

namespace SoapMiddleware.Client.Wsdl.Schema;

/// <summary>A simple type: a restriction of a built-in or another simple type (enumeration, pattern...), a list or a union.</summary>
public sealed class XsdSimpleType : XsdType
{
    /// <summary>The enumeration values of its restriction, in order; empty when it has none.</summary>
    public required IReadOnlyList<string> Enumeration { get; init; }

    /// <summary>The item type of an <c>xs:list</c>; null when it is not a list.</summary>
    public required XmlQualifiedName? ListItemType { get; init; }

    /// <summary>The member types of an <c>xs:union</c>; empty when it is not a union.</summary>
    public required IReadOnlyList<XmlQualifiedName> UnionMemberTypes { get; init; }
}
