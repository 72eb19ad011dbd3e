using System.Xml;

namespace SoapMiddleware.Client.Wsdl.Schema;

/// <summary>A complex type: its content particle, attributes, derivation, and the item type when it is an array.</summary>
public sealed class XsdComplexType : XsdType
{
    /// <summary>How it derives from <see cref="XsdType.BaseType"/> (extension, restriction or none).</summary>
    public required XsdDerivation Derivation { get; init; }

    /// <summary>Whether the base is a simple type (<c>xs:simpleContent</c>): the element has text and attributes.</summary>
    public required bool IsSimpleContent { get; init; }

    /// <summary>The content's root particle (a sequence, all, choice or group reference); null when empty.</summary>
    public required XsdParticle? Content { get; init; }

    /// <summary>This type's own attributes (not those of its base), including <c>xs:anyAttribute</c> as a wildcard.</summary>
    public required IReadOnlyList<XsdAttribute> Attributes { get; init; }

    /// <summary>The attribute groups it references.</summary>
    public required IReadOnlyList<XmlQualifiedName> AttributeGroups { get; init; }

    /// <summary>
    /// The item type when the type is an array: a SOAP-encoded array (<c>soapenc:Array</c> restricted with
    /// <c>wsdl:arrayType="T[]"</c>, or with one repeated element), or a literal wrapper of one repeated element
    /// (<c>ArrayOfT</c>); null otherwise.
    /// </summary>
    public required XmlQualifiedName? ArrayItemType { get; init; }

    /// <summary>The <c>abstract</c> flag.</summary>
    public required bool IsAbstract { get; init; }

    /// <summary>The <c>mixed</c> flag (text between child elements).</summary>
    public required bool IsMixed { get; init; }
}
