using System.Xml;

namespace SoapMiddleware.Client.Wsdl.Schema;

/// <summary>A complex or simple type, named (global) or anonymous (inside an element or attribute).</summary>
public abstract class XsdType
{
    /// <summary>The type's qualified name; null for an anonymous type.</summary>
    public required XmlQualifiedName? Name { get; init; }

    /// <summary>The type it extends or restricts; null when it derives from nothing but <c>anyType</c>.</summary>
    public required XmlQualifiedName? BaseType { get; init; }

    /// <summary>Where it is declared, for the warnings about it.</summary>
    internal SourceLocation Source { get; init; }
}
