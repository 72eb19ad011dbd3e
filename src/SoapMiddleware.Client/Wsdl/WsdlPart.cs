using System.Xml;

namespace SoapMiddleware.Client.Wsdl;

/// <summary>A <c>wsdl:part</c>: a name and either the global element or the type it carries.</summary>
public sealed class WsdlPart
{
    /// <summary>The part's name.</summary>
    public required string Name { get; init; }

    /// <summary>The global element (<c>element=</c>, document style); null when the part names a type.</summary>
    public required XmlQualifiedName? Element { get; init; }

    /// <summary>The type (<c>type=</c>, RPC style); null when the part names an element.</summary>
    public required XmlQualifiedName? Type { get; init; }

    /// <summary>
    /// For a header part: whether its <c>soap:header</c> is marked <c>wsdl:required="true"</c>, so every request must
    /// carry it. False for a header without the mark (many servers do without headers they declare) and for body parts.
    /// </summary>
    public bool IsRequired { get; init; }
}
