using System.Globalization;
using System.Xml;

namespace SoapMiddleware.Model;

/// <summary>The built-in primitive types and their XSD mapping; formatting is culture-invariant (XmlConvert).</summary>
internal static class PrimitiveCodecs
{
    public const string Xsd = "http://www.w3.org/2001/XMLSchema";

    /// <summary>The schema name of the Guid simple type; its namespace is the model's target namespace.</summary>
    public const string GuidTypeName = "guid";

    /// <summary>The Guid pattern facet (xs:string restriction), the canonical "D" format.</summary>
    public const string GuidPattern = "[\\da-fA-F]{8}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{12}";

    // Boxed once: bool is read on the hot path and these two values cover every call.
    private static readonly object True = true;
    private static readonly object False = false;

    private static readonly Dictionary<Type, PrimitiveCodec> Codecs = Build();

    public static PrimitiveCodec? Find(Type type) => Codecs.GetValueOrDefault(type);

    private static Dictionary<Type, PrimitiveCodec> Build() => new()
    {
        [typeof(string)] = new(Xs("string"), "string", s => s, v => (string)v) { IsString = true },
        [typeof(bool)] = new(Xs("boolean"), "boolean", s => XmlConvert.ToBoolean(s) ? True : False, v => (bool)v ? "true" : "false"),
        [typeof(sbyte)] = Integer<sbyte>("byte", s => XmlConvert.ToSByte(s), v => XmlConvert.ToString((sbyte)v), sbyte.MinValue, sbyte.MaxValue),
        [typeof(byte)] = Integer<byte>("unsignedByte", s => XmlConvert.ToByte(s), v => XmlConvert.ToString((byte)v), byte.MinValue, byte.MaxValue),
        [typeof(short)] = Integer<short>("short", s => XmlConvert.ToInt16(s), v => XmlConvert.ToString((short)v), short.MinValue, short.MaxValue),
        [typeof(ushort)] = Integer<ushort>("unsignedShort", s => XmlConvert.ToUInt16(s), v => XmlConvert.ToString((ushort)v), ushort.MinValue, ushort.MaxValue),
        [typeof(int)] = Integer<int>("int", s => XmlConvert.ToInt32(s), v => XmlConvert.ToString((int)v), int.MinValue, int.MaxValue),
        [typeof(uint)] = Integer<uint>("unsignedInt", s => XmlConvert.ToUInt32(s), v => XmlConvert.ToString((uint)v), uint.MinValue, uint.MaxValue),
        [typeof(long)] = Integer<long>("long", s => XmlConvert.ToInt64(s), v => XmlConvert.ToString((long)v), long.MinValue, long.MaxValue),
        [typeof(ulong)] = Integer<ulong>("unsignedLong", s => XmlConvert.ToUInt64(s), v => XmlConvert.ToString((ulong)v), ulong.MinValue, ulong.MaxValue),
        [typeof(float)] = new(Xs("float"), "float", s => XmlConvert.ToSingle(s), v => XmlConvert.ToString((float)v)) { IsNumeric = true },
        [typeof(double)] = new(Xs("double"), "double", s => XmlConvert.ToDouble(s), v => XmlConvert.ToString((double)v)) { IsNumeric = true },
        [typeof(decimal)] = new(Xs("decimal"), "decimal", s => XmlConvert.ToDecimal(s), v => XmlConvert.ToString((decimal)v)) { IsNumeric = true, FormatsAsInvariantUtf8 = true },

        // RoundtripKind keeps the Kind: UTC is written with Z, Unspecified without a zone; trailing fraction zeros are dropped.
        [typeof(DateTime)] = new(Xs("dateTime"), "dateTime",
            s => XmlConvert.ToDateTime(s, XmlDateTimeSerializationMode.RoundtripKind),
            v => XmlConvert.ToString((DateTime)v, XmlDateTimeSerializationMode.RoundtripKind)),

        // Its own item name: DateTime[] and DateTimeOffset[] must not both be "ArrayOfdateTime".
        [typeof(DateTimeOffset)] = new(Xs("dateTime"), "dateTimeOffset", s => XmlConvert.ToDateTimeOffset(s), v => XmlConvert.ToString((DateTimeOffset)v)),
        [typeof(DateOnly)] = new(Xs("date"), "date",
            s => DateOnly.ParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            v => ((DateOnly)v).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        [typeof(TimeOnly)] = new(Xs("time"), "time",
            s => TimeOnly.ParseExact(s.Trim(), "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            v => ((TimeOnly)v).ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        [typeof(TimeSpan)] = new(Xs("duration"), "duration", s => XmlConvert.ToTimeSpan(s), v => XmlConvert.ToString((TimeSpan)v)),
        [typeof(Guid)] = new(new XmlQualifiedName(GuidTypeName), GuidTypeName, s => ParseGuid(s), v => ((Guid)v).ToString("D")),
        [typeof(byte[])] = new(Xs("base64Binary"), "base64Binary", s => Convert.FromBase64String(s), v => Convert.ToBase64String((byte[])v)) { IsBinary = true },

        // A Stream reads as the MTOM part itself (on disk above the threshold), or over the decoded base64 text; written
        // as an MTOM part it is copied to the response, never buffered; as text it is read whole into base64.
        [typeof(Stream)] = new(Xs("base64Binary"), "base64Binary", s => new MemoryStream(Convert.FromBase64String(s), writable: false), v => StreamToBase64((Stream)v)) { IsBinary = true },
    };

    // XmlConvert.ToString of an integer or a decimal is ToString(null, NumberFormatInfo.InvariantInfo): the same text as
    // the invariant UTF-8 TryFormat, which is why those codecs may be written without a string (FormatsAsInvariantUtf8).
    private static PrimitiveCodec Integer<T>(string xsdName, Func<string, object> parse, Func<object, string> format, decimal min, decimal max)
        => new(Xs(xsdName), xsdName, parse, format) { IntegerRange = (min, max), IsNumeric = true, FormatsAsInvariantUtf8 = true };

    private static XmlQualifiedName Xs(string name) => new(name, Xsd);

    private static string StreamToBase64(Stream stream)
    {
        // A Stream result is the framework's to dispose once written, as ASP.NET Core's file results are.
        using var copy = new MemoryStream();
        using (stream)
        {
            stream.CopyTo(copy);
        }

        return Convert.ToBase64String(copy.GetBuffer(), 0, (int)copy.Length);
    }

    // Strict "D" format, the same lexical space as the schema's pattern facet.
    private static object ParseGuid(string text)
        => Guid.TryParseExact(text.Trim(), "D", out var guid) ? guid : throw new FormatException();
}
