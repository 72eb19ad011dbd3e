using System.Text.Json;
using SoapMiddleware.Protocols.Objects;

namespace SoapMiddleware.Protocols.Json;

/// <summary>
/// JSON's <see cref="IObjectWriter"/>: numbers as JSON numbers (decimal exact), booleans as <c>true</c>/<c>false</c>,
/// binary as base64, null as <c>null</c>; NaN and the infinities, which JSON has no number for, as their XSD text.
/// </summary>
internal readonly struct JsonObjectWriter(Utf8JsonWriter writer) : IObjectWriter
{
    public void WriteStartObject(int memberCount) => writer.WriteStartObject();

    public void WritePropertyName(string name) => writer.WritePropertyName(name);

    public void WriteEndObject() => writer.WriteEndObject();

    public void WriteStartArray(int itemCount) => writer.WriteStartArray();

    public void WriteEndArray() => writer.WriteEndArray();

    public void WriteNull() => writer.WriteNullValue();

    public void WriteString(string value) => writer.WriteStringValue(value);

    public void WriteBoolean(bool value) => writer.WriteBooleanValue(value);

    public void WriteInteger(long value) => writer.WriteNumberValue(value);

    public void WriteInteger(ulong value) => writer.WriteNumberValue(value);

    public bool TryWriteNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            return false;
        }

        writer.WriteNumberValue(value);
        return true;
    }

    public bool TryWriteNumber(float value)
    {
        if (!float.IsFinite(value))
        {
            return false;
        }

        writer.WriteNumberValue(value);
        return true;
    }

    public bool TryWriteNumber(decimal value)
    {
        writer.WriteNumberValue(value);
        return true;
    }

    public void WriteBinary(ReadOnlySpan<byte> value) => writer.WriteBase64StringValue(value);
}
