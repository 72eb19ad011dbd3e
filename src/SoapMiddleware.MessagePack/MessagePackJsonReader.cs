using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using MessagePack;
using SoapMiddleware.Protocols.Objects;

namespace SoapMiddleware.MessagePack;

/// <summary>
/// Translates a MessagePack request into the JSON the JSON protocol reads, so that arguments go through the same
/// argument reader and model reader (same validation, same fault messages). Maps become objects, arrays arrays, nil
/// <c>null</c>, integers and floats numbers (NaN and the infinities their XSD strings <c>NaN</c>, <c>INF</c>,
/// <c>-INF</c>), bin base64 strings (the lexical form of <c>xs:base64Binary</c>), and the timestamp extension an ISO 8601
/// string (so a client's native date reads as <c>xs:dateTime</c>; <see cref="MessagePackBounds"/> refuses lengths and
/// timestamps no .NET value holds).
/// </summary>
/// <remarks>
/// Written over <c>MessagePackReader</c> rather than <c>MessagePackSerializer.ConvertToJson</c>, because the
/// request is untrusted and that converter is lenient where a protocol must not be: it ignores bytes after the first
/// value (so plain text such as <c>hello</c> reads as the integer 104), writes control characters, NaN and non-string
/// map keys as invalid JSON, and turns unknown extensions into arrays. Here each of those is a Client fault that says
/// what is wrong. The work is bounded by the request's length: a header claiming more items than there are bytes fails
/// at the end of the data, nothing is allocated from a declared count, and nesting is limited to the application's
/// <see cref="RpcOptions.MaxDepth"/>.
/// </remarks>
internal static class MessagePackJsonReader
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The JSON never leaves the process: escaping non-ASCII letters would only make it larger.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The request as UTF-8 JSON; a <see cref="RpcFault"/> (Client) when it is not one well-formed MessagePack value.
    /// <paramref name="shape"/> is what the contract expects at the root: from the first array or map it refuses, or the
    /// first key that names nothing, the argument reader will fault at that very place, so every array and map from there
    /// on is written empty and only checked to be well-formed MessagePack. A body of four million zeros where a string
    /// belongs then costs a walk over its bytes, not 8 MB of JSON and a four-million-element document.
    /// </summary>
    public static byte[] ToJson(ReadOnlyMemory<byte> body, int maxDepth, ArgumentObjectShape shape)
    {
        if (body.IsEmpty)
        {
            throw RpcFault.Client("The request is empty; expected a MessagePack map.");
        }

        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, body.Length * 2));
        var reader = new MessagePackReader(body);
        try
        {
            using (var json = new Utf8JsonWriter(buffer, WriterOptions with { MaxDepth = maxDepth + 1 }))
            {
                var refused = false;
                WriteValue(ref reader, json, 0, maxDepth, shape, ref refused);
            }
        }
        catch (Exception ex) when (ex is MessagePackSerializationException or EndOfStreamException or InvalidOperationException or OverflowException)
        {
            // EndOfStreamException: truncated, or a header that claims more items than the body holds.
            var why = ex is EndOfStreamException ? "it ends in the middle of a value" : ex.Message;
            throw RpcFault.Client($"The request is not valid MessagePack: {why} (at byte {reader.Consumed.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (!reader.End)
        {
            var rest = body.Length - reader.Consumed;
            var follow = rest == 1 ? "1 byte follows" : $"{rest.ToString(CultureInfo.InvariantCulture)} bytes follow";
            throw RpcFault.Client($"The request is not valid MessagePack: {follow} the first value; expected exactly one map.");
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteValue(ref MessagePackReader reader, Utf8JsonWriter json, int depth, int maxDepth, ArgumentObjectShape shape, ref bool refused)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil:
                reader.ReadNil();
                json.WriteNullValue();
                break;
            case MessagePackType.Boolean:
                json.WriteBooleanValue(reader.ReadBoolean());
                break;
            case MessagePackType.Integer:
                if (reader.NextCode == MessagePackCode.UInt64)
                {
                    json.WriteNumberValue(reader.ReadUInt64());
                }
                else
                {
                    json.WriteNumberValue(reader.ReadInt64());
                }

                break;
            case MessagePackType.Float:
                WriteFloat(ref reader, json);
                break;
            case MessagePackType.String:
                json.WriteStringValue(ReadUtf8(ref reader));
                break;
            case MessagePackType.Binary:
                MessagePackBounds.CheckLength(ref reader);
                var bytes = reader.ReadBytes()!.Value;
                json.WriteBase64StringValue(bytes.IsSingleSegment ? bytes.FirstSpan : bytes.ToArray());
                break;
            case MessagePackType.Array:
                Nest(depth, maxDepth, reader.Consumed);
                refused |= shape.ForbidsArray;
                json.WriteStartArray();
                var items = reader.ReadArrayHeader();
                for (var i = 0; i < items; i++)
                {
                    if (refused)
                    {
                        SkipValue(ref reader, depth + 1, maxDepth);
                    }
                    else
                    {
                        WriteValue(ref reader, json, depth + 1, maxDepth, shape.Item, ref refused);
                    }
                }

                json.WriteEndArray();
                break;
            case MessagePackType.Map:
                Nest(depth, maxDepth, reader.Consumed);
                refused |= shape.ForbidsObject;
                var skipAll = refused;
                json.WriteStartObject();
                var pairs = reader.ReadMapHeader();
                for (var i = 0; i < pairs; i++)
                {
                    var key = ReadKey(ref reader);
                    if (skipAll)
                    {
                        SkipValue(ref reader, depth + 1, maxDepth);
                        continue;
                    }

                    // Keys are written even once refused: the routing faults (one key, a known operation) name them.
                    json.WritePropertyName(key);
                    var value = ArgumentObjectShape.Any;
                    if (!refused && shape.HasKeys && !shape.TryGetKey(Encoding.UTF8.GetString(key), out value))
                    {
                        refused = true;
                    }

                    WriteValue(ref reader, json, depth + 1, maxDepth, value, ref refused);
                }

                json.WriteEndObject();
                break;
            case MessagePackType.Extension:
                json.WriteStringValue(ReadTimestamp(ref reader).ToString("o", CultureInfo.InvariantCulture));
                break;
            default:
                throw NotAType(ref reader);
        }
    }

    /// <summary>Reads past one value with every check <see cref="WriteValue"/> makes, writing nothing.</summary>
    private static void SkipValue(ref MessagePackReader reader, int depth, int maxDepth)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil or MessagePackType.Boolean or MessagePackType.Integer or MessagePackType.Float:
                reader.Skip();
                break;
            case MessagePackType.String:
                ReadUtf8(ref reader);
                break;
            case MessagePackType.Binary:
                MessagePackBounds.CheckLength(ref reader);
                reader.Skip();
                break;
            case MessagePackType.Array:
                Nest(depth, maxDepth, reader.Consumed);
                var items = reader.ReadArrayHeader();
                for (var i = 0; i < items; i++)
                {
                    SkipValue(ref reader, depth + 1, maxDepth);
                }

                break;
            case MessagePackType.Map:
                Nest(depth, maxDepth, reader.Consumed);
                var pairs = reader.ReadMapHeader();
                for (var i = 0; i < pairs; i++)
                {
                    ReadKey(ref reader);
                    SkipValue(ref reader, depth + 1, maxDepth);
                }

                break;
            case MessagePackType.Extension:
                ReadTimestamp(ref reader);
                break;
            default:
                throw NotAType(ref reader);
        }
    }

    private static ReadOnlySpan<byte> ReadKey(ref MessagePackReader reader)
    {
        if (reader.NextMessagePackType != MessagePackType.String)
        {
            throw RpcFault.Client($"The request's map keys must be strings (member names), but one is {Describe(reader.NextMessagePackType)} (at byte {reader.Consumed.ToString(CultureInfo.InvariantCulture)}).");
        }

        return ReadUtf8(ref reader);
    }

    private static DateTime ReadTimestamp(ref MessagePackReader reader)
    {
        var at = reader.Consumed;
        MessagePackBounds.CheckLength(ref reader);
        var header = reader.ReadExtensionFormatHeader();
        if (header.TypeCode != ReservedMessagePackExtensionTypeCode.DateTime)
        {
            throw RpcFault.Client($"The request holds a MessagePack extension of type {header.TypeCode.ToString(CultureInfo.InvariantCulture)} (at byte {at.ToString(CultureInfo.InvariantCulture)}); only the timestamp extension (-1) is read.");
        }

        return MessagePackBounds.ReadTimestamp(ref reader, header, at);
    }

    private static RpcFault NotAType(ref MessagePackReader reader)
        => RpcFault.Client($"The request is not valid MessagePack: 0x{reader.NextCode:x2} is not a MessagePack type (at byte {reader.Consumed.ToString(CultureInfo.InvariantCulture)}).");

    private static void WriteFloat(ref MessagePackReader reader, Utf8JsonWriter json)
    {
        if (reader.NextCode == MessagePackCode.Float32)
        {
            var single = reader.ReadSingle();
            if (float.IsFinite(single))
            {
                json.WriteNumberValue(single);
            }
            else
            {
                json.WriteStringValue(XsdSpecial(single));
            }

            return;
        }

        var value = reader.ReadDouble();
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteStringValue(XsdSpecial(value));
        }
    }

    // JSON has no NaN or infinity; the element text the model reader parses for xs:double and xs:float does.
    private static string XsdSpecial(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "INF" : "-INF";

    /// <summary>A str's bytes, which MessagePack requires to be UTF-8: a string that is not is refused rather than mangled.</summary>
    private static ReadOnlySpan<byte> ReadUtf8(ref MessagePackReader reader)
    {
        var at = reader.Consumed;
        MessagePackBounds.CheckLength(ref reader);
        var sequence = reader.ReadStringSequence()!.Value;
        ReadOnlySpan<byte> utf8 = sequence.IsSingleSegment ? sequence.FirstSpan : sequence.ToArray();
        if (!Utf8.IsValid(utf8))
        {
            throw RpcFault.Client($"The request is not valid MessagePack: a string is not valid UTF-8 (at byte {at.ToString(CultureInfo.InvariantCulture)}).");
        }

        return utf8;
    }

    private static void Nest(int depth, int maxDepth, long at)
    {
        if (depth >= maxDepth)
        {
            throw RpcFault.Client($"The request is nested deeper than {maxDepth.ToString(CultureInfo.InvariantCulture)} levels (at byte {at.ToString(CultureInfo.InvariantCulture)}).");
        }
    }

    internal static string Describe(MessagePackType type) => type switch
    {
        MessagePackType.Map => "a map",
        MessagePackType.Array => "an array",
        MessagePackType.String => "a string",
        MessagePackType.Integer => "an integer",
        MessagePackType.Float => "a float",
        MessagePackType.Boolean => "a boolean",
        MessagePackType.Binary => "binary data",
        MessagePackType.Extension => "an extension",
        MessagePackType.Nil => "nil",
        _ => "not a MessagePack value",
    };
}
