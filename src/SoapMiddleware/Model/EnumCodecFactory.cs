using System.Reflection;
using System.Xml;

namespace SoapMiddleware.Model;

/// <summary>Builds the codec of an enum: written as the member name, read by exact (case-sensitive) name like XSD enumerations.</summary>
internal static class EnumCodecFactory
{
    public static PrimitiveCodec Create(Type enumType, XmlQualifiedName schemaName, out string[] names)
    {
        if (enumType.IsDefined(typeof(FlagsAttribute)))
        {
            throw new InvalidOperationException($"Type '{enumType.FullName}' is a [Flags] enum; flag combinations have no XSD enumeration. Use an array of a plain enum instead.");
        }

        var fields = enumType.GetFields(BindingFlags.Public | BindingFlags.Static);
        names = new string[fields.Length];
        var byName = new Dictionary<string, object>(fields.Length, StringComparer.Ordinal);
        var byValue = new Dictionary<object, string>(fields.Length);
        for (var i = 0; i < fields.Length; i++)
        {
            names[i] = XmlNameAttributes.EnumName(fields[i]);

            // Boxed once here, so reading an enum allocates nothing.
            var value = fields[i].GetValue(null)!;
            byName[names[i]] = value;
            byValue.TryAdd(value, names[i]);
        }

        var typeName = enumType.Name;
        return new PrimitiveCodec(
            schemaName,
            schemaName.Name,
            text => byName.TryGetValue(text.Trim(), out var value) ? value : throw new FormatException(),
            value => byValue.TryGetValue(value, out var name)
                ? name
                : throw new InvalidOperationException($"Value {value} of enum '{typeName}' has no name; only named members can be written."));
    }
}
