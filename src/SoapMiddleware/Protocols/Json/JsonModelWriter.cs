using System.Collections;
using System.Text.Json;
using SoapMiddleware.Model;

namespace SoapMiddleware.Protocols.Json;

/// <summary>
/// Writes values of the type model as JSON by walking their <see cref="RpcType"/>: numbers as JSON numbers (decimal
/// exact), booleans as <c>true</c>/<c>false</c>, dates, times, durations and Guids as their XSD (ISO 8601) strings,
/// <c>byte[]</c> as base64, enums by member name, null as <c>null</c>. A depth guard turns a cyclic graph into an
/// <see cref="InvalidOperationException"/> (a Server fault) instead of a stack overflow.
/// </summary>
internal static class JsonModelWriter
{
    public const int MaxDepth = 64;

    /// <summary>Writes a message's parts as one object: <c>{"AddResult": 3}</c>; <c>{}</c> when it has none.</summary>
    public static void WriteMessage(Utf8JsonWriter writer, RpcMessage message, object?[] values)
    {
        writer.WriteStartObject();
        for (var i = 0; i < message.Members.Count; i++)
        {
            writer.WritePropertyName(message.Members[i].Name);
            WriteValue(writer, message.Members[i].Type, values[i], 0);
        }

        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, RpcType type, object? value, int depth)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        switch (type.Kind)
        {
            case RpcTypeKind.Complex:
                GuardDepth(type, depth);
                writer.WriteStartObject();
                if (type.IsPolymorphic && value.GetType() != type.ClrType)
                {
                    // A known derived type: WCF's type hint first, then all its members (the base's first).
                    type = XmlModelWriter.KnownTypeOf(type, value);
                    writer.WriteString(JsonTypeHint.Property, JsonTypeHint.Format(type));
                }

                var getters = type.Accessor!.Getters;
                for (var i = 0; i < type.Members.Count; i++)
                {
                    writer.WritePropertyName(type.Members[i].Name);
                    WriteValue(writer, type.Members[i].Type, getters[i](value), depth + 1);
                }

                writer.WriteEndObject();
                break;
            case RpcTypeKind.Array:
                GuardDepth(type, depth);
                writer.WriteStartArray();
                if (value is IList list)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        WriteValue(writer, type.ItemType!, list[i], depth + 1);
                    }
                }
                else
                {
                    foreach (var item in (IEnumerable)value)
                    {
                        WriteValue(writer, type.ItemType!, item, depth + 1);
                    }
                }

                writer.WriteEndArray();
                break;
            default:
                WritePrimitive(writer, type, value);
                break;
        }
    }

    private static void WritePrimitive(Utf8JsonWriter writer, RpcType type, object value)
    {
        switch (value)
        {
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case short s: writer.WriteNumberValue(s); break;
            case sbyte s: writer.WriteNumberValue(s); break;
            case byte b: writer.WriteNumberValue(b); break;
            case ushort u: writer.WriteNumberValue(u); break;
            case uint u: writer.WriteNumberValue(u); break;
            case ulong u: writer.WriteNumberValue(u); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case double d when double.IsFinite(d): writer.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): writer.WriteNumberValue(f); break;
            case byte[] bytes: writer.WriteBase64StringValue(bytes); break;

            // Dates, times, durations, Guids, enums, and NaN/Infinity (JSON has no number for them): the XSD text.
            default: writer.WriteStringValue(type.Codec!.Format(value)); break;
        }
    }

    private static void GuardDepth(RpcType type, int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new InvalidOperationException(
                $"Cannot write '{type.SchemaName.Name}': the object graph is nested deeper than {MaxDepth} levels; it probably contains a cycle.");
        }
    }
}
