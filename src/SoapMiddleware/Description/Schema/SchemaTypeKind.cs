namespace SoapMiddleware.Description.Schema;

/// <summary>The shapes of a <see cref="SchemaType"/>.</summary>
public enum SchemaTypeKind
{
    /// <summary>A built-in XSD simple type (<c>xs:int</c>, <c>xs:string</c>, ...), or a restriction of one.</summary>
    Primitive,

    /// <summary>A string restricted to an enumeration; its values are strings.</summary>
    Enumeration,

    /// <summary>A complex type: members, values are <see cref="RpcRecord"/>s.</summary>
    Complex,

    /// <summary>A wrapper whose repeated item element holds the values (<c>ArrayOfX</c>); values are lists.</summary>
    Array,

    /// <summary>
    /// XML as it is: <c>xs:anyType</c>, and the elements an <c>xs:any</c> wildcard allows; values are
    /// <see cref="System.Xml.Linq.XElement"/>s.
    /// </summary>
    Xml,
}
