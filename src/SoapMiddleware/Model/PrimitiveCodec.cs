using System.Xml;

namespace SoapMiddleware.Model;

/// <summary>
/// How one primitive CLR type is written as element text and read back. Parse throws
/// <see cref="FormatException"/> or <see cref="OverflowException"/>; the reader turns those into Client faults.
/// </summary>
internal sealed class PrimitiveCodec(XmlQualifiedName schemaName, string itemName, Func<string, object> parse, Func<object, string> format)
{
    /// <summary>The XSD type: <c>xs:int</c>, or <c>tns:guid</c> (namespace filled in by the model).</summary>
    public XmlQualifiedName SchemaName { get; } = schemaName;

    public string ItemName { get; } = itemName;

    public Func<string, object> Parse { get; } = parse;

    public Func<object, string> Format { get; } = format;

    /// <summary>The inclusive value range of an integer type, used to clip Range facets so the schema stays valid.</summary>
    public (decimal Min, decimal Max)? IntegerRange { get; init; }

    /// <summary>Whether DataAnnotations length rules apply (strings).</summary>
    public bool IsString { get; init; }

    /// <summary>Whether the value is binary (<c>byte[]</c>, <c>Stream</c>): base64 text, or an MTOM part through XOP.</summary>
    public bool IsBinary { get; init; }

    /// <summary>Whether the value is a number that Range applies to.</summary>
    public bool IsNumeric { get; init; }

    /// <summary>
    /// Whether <see cref="Format"/> is the value's invariant <see cref="IUtf8SpanFormattable"/> text (integers,
    /// decimal), so a UTF-8 writer may format the value in place instead of allocating the string.
    /// </summary>
    public bool FormatsAsInvariantUtf8 { get; init; }
}
