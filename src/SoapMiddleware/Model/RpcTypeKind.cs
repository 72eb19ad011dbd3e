namespace SoapMiddleware.Model;

/// <summary>The shapes the type model knows.</summary>
internal enum RpcTypeKind
{
    /// <summary>A value written as element text: string, numbers, dates, Guid, byte[] ...</summary>
    Primitive,

    /// <summary>An enum, written as the member name, an <c>xs:string</c> restriction with enumerations.</summary>
    Enum,

    /// <summary>A class or record, an <c>xs:complexType</c> with a sequence of members.</summary>
    Complex,

    /// <summary>An array or list, a wrapper <c>ArrayOf{Item}</c> complex type with repeated item elements.</summary>
    Array,
}
