using System.Collections;
using MessagePack;
using SoapMiddleware.Model;
using SoapMiddleware.Protocols.Json;

namespace SoapMiddleware.MessagePack;

/// <summary>
/// Writes values of the type model as MessagePack by walking their <see cref="RpcType"/>, the shape the JSON protocol
/// writes (<c>{"AddResult": 3}</c>, complex types as maps of their members, arrays as arrays, null as nil) with
/// MessagePack's own types where it has them: integers as the smallest int format, <c>float</c>/<c>double</c> as
/// float32/float64 (NaN and infinities included), <c>byte[]</c> as bin. What MessagePack has no type for is written as
/// its XSD text, as JSON does: decimals (exact, like MessagePack-CSharp's own decimal formatter), dates, times,
/// durations, Guids, and enums by member name.
/// </summary>
/// <remarks>
/// Written directly rather than as JSON converted with <c>MessagePackSerializer.ConvertFromJson</c>: that round trip
/// would turn <c>byte[]</c> into a base64 string and decimals into doubles (losing digits).
/// </remarks>
internal static class MessagePackModelWriter
{
    /// <summary>Writes a message's parts as one map: <c>{"AddResult": 3}</c>; an empty map when it has none.</summary>
    public static void WriteMessage(ref MessagePackWriter writer, RpcMessage message, object?[] values)
    {
        writer.WriteMapHeader(message.Members.Count);
        for (var i = 0; i < message.Members.Count; i++)
        {
            writer.Write(message.Members[i].Name);
            WriteValue(ref writer, message.Members[i].Type, values[i], 0);
        }
    }

    public static void WriteValue(ref MessagePackWriter writer, RpcType type, object? value, int depth)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        switch (type.Kind)
        {
            case RpcTypeKind.Complex:
                GuardDepth(type, depth);
                if (type.IsPolymorphic && value.GetType() != type.ClrType)
                {
                    // A known derived type, as JSON writes it: WCF's "__type" hint first, then all its members.
                    type = XmlModelWriter.KnownTypeOf(type, value);
                    writer.WriteMapHeader(type.Members.Count + 1);
                    writer.Write(JsonTypeHint.Property);
                    writer.Write(JsonTypeHint.Format(type));
                }
                else
                {
                    writer.WriteMapHeader(type.Members.Count);
                }

                var getters = type.Accessor!.Getters;
                for (var i = 0; i < type.Members.Count; i++)
                {
                    writer.Write(type.Members[i].Name);
                    WriteValue(ref writer, type.Members[i].Type, getters[i](value), depth + 1);
                }

                break;
            case RpcTypeKind.Array:
                GuardDepth(type, depth);

                // MessagePack writes the count first: a sequence that is not a list is gathered once.
                var list = value as IList ?? ((IEnumerable)value).Cast<object?>().ToList();
                writer.WriteArrayHeader(list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    WriteValue(ref writer, type.ItemType!, list[i], depth + 1);
                }

                break;
            default:
                WritePrimitive(ref writer, type, value);
                break;
        }
    }

    private static void WritePrimitive(ref MessagePackWriter writer, RpcType type, object value)
    {
        switch (value)
        {
            case string s: writer.Write(s); break;
            case bool b: writer.Write(b); break;
            case int i: writer.Write(i); break;
            case long l: writer.Write(l); break;
            case short s: writer.Write(s); break;
            case sbyte s: writer.Write(s); break;
            case byte b: writer.Write(b); break;
            case ushort u: writer.Write(u); break;
            case uint u: writer.Write(u); break;
            case ulong u: writer.Write(u); break;
            case double d: writer.Write(d); break;
            case float f: writer.Write(f); break;
            case byte[] bytes: writer.Write(bytes.AsSpan()); break;
            case Stream stream: WriteStream(ref writer, stream); break;

            // Decimals, dates, times, durations, Guids, enums: the XSD text, as SOAP and JSON write them.
            default: writer.Write(type.Codec!.Format(value)); break;
        }
    }

    // A Stream result is bin like a byte[]: MessagePack has no parts, so it is read whole.
    private static void WriteStream(ref MessagePackWriter writer, Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        writer.Write(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }

    private static void GuardDepth(RpcType type, int depth)
    {
        if (depth >= JsonModelWriter.MaxDepth)
        {
            throw new InvalidOperationException(
                $"Cannot write '{type.SchemaName.Name}': the object graph is nested deeper than {JsonModelWriter.MaxDepth} levels; it probably contains a cycle.");
        }
    }
}
