using System.Xml;

namespace SoapMiddleware.Client.Wsdl.Schema;

/// <summary>An element declaration: global, local, or a reference to a global one (<c>ref=</c>).</summary>
public sealed class XsdElement : XsdParticle
{
    /// <summary>
    /// The element's qualified name: a global's target namespace, a local's namespace when qualified
    /// (<c>form</c>/<c>elementFormDefault</c>), else an empty namespace; for a reference, the referenced name.
    /// </summary>
    public required XmlQualifiedName Name { get; init; }

    /// <summary>The named type (<c>type=</c>); null when the type is anonymous, or for a reference.</summary>
    public required XmlQualifiedName? Type { get; init; }

    /// <summary>The anonymous type declared inside it; null when it names one.</summary>
    public required XsdType? AnonymousType { get; init; }

    /// <summary>Whether it refers to the global element <see cref="Name"/> (whose type is in <see cref="XsdSchemaSet.Elements"/>).</summary>
    public required bool IsReference { get; init; }

    /// <summary>The <c>nillable</c> flag.</summary>
    public required bool IsNillable { get; init; }

    /// <summary>The <c>substitutionGroup</c> head; null when none.</summary>
    public XmlQualifiedName? SubstitutionGroup { get; init; }
}
