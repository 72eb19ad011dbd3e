using System.Xml;

namespace SoapMiddleware.Client.Wsdl.Schema;

/// <summary>A reference to a named model group (<c>&lt;xs:group ref="..."/&gt;</c>), found in <see cref="XsdSchemaSet.Groups"/>.</summary>
public sealed class XsdGroupReference : XsdParticle
{
    /// <summary>The group's qualified name.</summary>
    public required XmlQualifiedName Group { get; init; }
}
