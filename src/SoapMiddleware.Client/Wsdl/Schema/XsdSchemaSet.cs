using System.Xml;

namespace SoapMiddleware.Client.Wsdl.Schema;

/// <summary>The global components of every schema a WSDL embeds or imports, by qualified name.</summary>
public sealed class XsdSchemaSet
{
    /// <summary>The named complex and simple types.</summary>
    public required IReadOnlyDictionary<XmlQualifiedName, XsdType> Types { get; init; }

    /// <summary>The global elements.</summary>
    public required IReadOnlyDictionary<XmlQualifiedName, XsdElement> Elements { get; init; }

    /// <summary>The global attributes.</summary>
    public required IReadOnlyDictionary<XmlQualifiedName, XsdAttribute> Attributes { get; init; }

    /// <summary>The named model groups (<c>xs:group</c>), referenced by <see cref="XsdGroupReference"/>.</summary>
    public required IReadOnlyDictionary<XmlQualifiedName, XsdParticle> Groups { get; init; }

    /// <summary>The named attribute groups, referenced by <see cref="XsdComplexType.AttributeGroups"/>.</summary>
    public required IReadOnlyDictionary<XmlQualifiedName, IReadOnlyList<XsdAttribute>> AttributeGroups { get; init; }

    /// <summary>The target namespaces of the schemas read (the XSD and SOAP encoding namespaces are built in).</summary>
    public required IReadOnlyList<string> Namespaces { get; init; }

    /// <summary>Whether <paramref name="name"/> is a type this set defines or a built-in one (XSD, SOAP encoding).</summary>
    public bool HasType(XmlQualifiedName name) => Types.ContainsKey(name) || XsdNames.IsBuiltIn(name);
}
