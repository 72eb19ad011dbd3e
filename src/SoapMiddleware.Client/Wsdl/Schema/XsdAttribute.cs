using System.Xml;

namespace SoapMiddleware.Client.Wsdl.Schema;

/// <summary>An attribute declaration, a reference to a global one, or the <c>xs:anyAttribute</c> wildcard.</summary>
public sealed class XsdAttribute
{
    /// <summary>Its qualified name (for a reference, the referenced name; for a wildcard, <c>*</c>).</summary>
    public required XmlQualifiedName Name { get; init; }

    /// <summary>Its named type; null when anonymous, a reference, or a wildcard.</summary>
    public required XmlQualifiedName? Type { get; init; }

    /// <summary>The anonymous simple type declared inside it; null when none.</summary>
    public XsdSimpleType? AnonymousType { get; init; }

    /// <summary>Whether it refers to a global attribute.</summary>
    public required bool IsReference { get; init; }

    /// <summary>Whether <c>use="required"</c>.</summary>
    public required bool IsRequired { get; init; }

    /// <summary>Whether it is <c>xs:anyAttribute</c>.</summary>
    public bool IsWildcard { get; init; }

    /// <summary>
    /// The item type named by <c>wsdl:arrayType</c> on a reference to <c>soapenc:arrayType</c> (<c>xsd:string</c> for
    /// <c>xsd:string[]</c>: the first dimension dropped); null otherwise.
    /// </summary>
    public XmlQualifiedName? ArrayType { get; init; }
}
