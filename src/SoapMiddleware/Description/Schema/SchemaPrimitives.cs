using System.Globalization;
using System.Xml;
using SoapMiddleware.Model;

namespace SoapMiddleware.Description.Schema;

/// <summary>
/// The built-in XSD simple types as a schema description reads and writes them: the server's codecs, by XSD name,
/// wrapped so that a written value of another CLR type is converted first (a long for an <c>xs:int</c>, the text
/// "42" for an <c>xs:int</c>, as the command line gives it). The integer types without a CLR twin
/// (<c>xs:integer</c>, <c>xs:nonNegativeInteger</c> ...) are longs; the string-like ones (<c>xs:anyURI</c>,
/// <c>xs:token</c>, <c>xs:QName</c> ...) and <c>xs:anyType</c> are strings.
/// </summary>
internal static class SchemaPrimitives
{
    private static readonly Dictionary<string, Type> ClrTypes = new(StringComparer.Ordinal)
    {
        ["string"] = typeof(string), ["boolean"] = typeof(bool), ["byte"] = typeof(sbyte), ["unsignedByte"] = typeof(byte),
        ["short"] = typeof(short), ["unsignedShort"] = typeof(ushort), ["int"] = typeof(int), ["unsignedInt"] = typeof(uint),
        ["long"] = typeof(long), ["unsignedLong"] = typeof(ulong), ["float"] = typeof(float), ["double"] = typeof(double),
        ["decimal"] = typeof(decimal), ["dateTime"] = typeof(DateTime), ["date"] = typeof(DateOnly), ["time"] = typeof(TimeOnly),
        ["duration"] = typeof(TimeSpan), ["base64Binary"] = typeof(byte[]),
        ["integer"] = typeof(long), ["nonNegativeInteger"] = typeof(long), ["positiveInteger"] = typeof(long),
        ["nonPositiveInteger"] = typeof(long), ["negativeInteger"] = typeof(long),
    };

    /// <summary>The type of the built-in XSD type <paramref name="localName"/>, or null when it is none; unknown simple names are strings.</summary>
    public static RpcType? Create(string localName)
    {
        if (localName == "hexBinary")
        {
            return Wrap(localName, typeof(byte[]), new PrimitiveCodec(Xs(localName), localName, s => System.Convert.FromHexString(s.Trim()), v => System.Convert.ToHexString((byte[])v)));
        }

        var clr = ClrTypes.GetValueOrDefault(localName) ?? (IsStringLike(localName) ? typeof(string) : null);
        return clr is null ? null : Wrap(localName, clr, PrimitiveCodecs.Find(clr)!);
    }

    /// <summary>
    /// <c>xs:anyType</c> as XML (<see cref="RpcType.IsXml"/>): an <see cref="System.Xml.Linq.XElement"/>. Its codec is the
    /// text form, for protocols without XML: the element's markup written, the text read as a string.
    /// </summary>
    public static RpcType AnyXml()
    {
        var codec = new PrimitiveCodec(Xs("anyType"), "anyType", text => text, XmlValues.Text) { IsString = true };
        return new RpcType(typeof(System.Xml.Linq.XElement), RpcTypeKind.Primitive, Xs("anyType"), "anyType") { Codec = codec, IsXml = true };
    }

    /// <summary>An enumeration: its values are strings, read as sent (a value a newer server added still reads).</summary>
    public static RpcType Enumeration(XmlQualifiedName name, IReadOnlyList<string> values)
    {
        var inner = PrimitiveCodecs.Find(typeof(string))!;
        var codec = new PrimitiveCodec(name, name.Name, inner.Parse, v => System.Convert.ToString(v, CultureInfo.InvariantCulture) ?? "") { IsString = true };
        return new RpcType(typeof(string), RpcTypeKind.Enum, name, name.Name) { Codec = codec, EnumNames = values };
    }

    private static RpcType Wrap(string localName, Type clr, PrimitiveCodec inner)
    {
        var codec = new PrimitiveCodec(Xs(localName), localName, inner.Parse, v => inner.Format(ToClr(v, clr, inner, localName)))
        {
            IsString = inner.IsString,
            IsNumeric = inner.IsNumeric,
            IntegerRange = inner.IntegerRange,
        };
        return new RpcType(clr, RpcTypeKind.Primitive, Xs(localName), localName) { Codec = codec };
    }

    private static object ToClr(object value, Type clr, PrimitiveCodec inner, string localName)
    {
        if (clr.IsInstanceOfType(value))
        {
            return value;
        }

        try
        {
            return value switch
            {
                string text => inner.Parse(text),
                _ when clr == typeof(string) => value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? "",
                DateTimeOffset offset when clr == typeof(DateTime) => offset.UtcDateTime,
                DateTime dateTime when clr == typeof(DateOnly) => DateOnly.FromDateTime(dateTime),
                IConvertible when clr.IsPrimitive || clr == typeof(decimal) => System.Convert.ChangeType(value, clr, CultureInfo.InvariantCulture),
                _ => throw new InvalidCastException(),
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
        {
            throw new InvalidOperationException($"The value '{EchoedText.Cap(System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")}' ({value.GetType().Name}) cannot be written as xs:{localName}.", ex);
        }
    }

    private static bool IsStringLike(string name) => name is "anyType" or "anySimpleType" or "anyURI" or "QName" or "NOTATION" or "normalizedString"
        or "token" or "language" or "Name" or "NCName" or "ID" or "IDREF" or "IDREFS" or "ENTITY" or "ENTITIES" or "NMTOKEN" or "NMTOKENS"
        or "gYear" or "gYearMonth" or "gMonth" or "gMonthDay" or "gDay";

    private static XmlQualifiedName Xs(string name) => new(name, PrimitiveCodecs.Xsd);
}
