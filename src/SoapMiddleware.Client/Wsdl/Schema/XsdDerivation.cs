namespace SoapMiddleware.Client.Wsdl.Schema;

/// <summary>How a type derives from its base.</summary>
public enum XsdDerivation
{
    /// <summary>No base type (a complex type with its own content, or a simple type list/union).</summary>
    None,

    /// <summary><c>xs:extension</c>: the base's content, then this type's.</summary>
    Extension,

    /// <summary><c>xs:restriction</c>: the base's content narrowed (facets, fewer particles, a soapenc array).</summary>
    Restriction,
}
