using System.Buffers;
using MessagePack;
using SoapMiddleware.Protocols.Objects;

namespace SoapMiddleware.MessagePack;

/// <summary>
/// MessagePack's <see cref="IObjectWriter"/>, a <c>MessagePackWriter</c> over a buffer: the shape the JSON
/// protocol writes, with MessagePack's types where it has them: integers in their smallest format, <c>float</c>/<c>double</c>
/// as float32/float64 (NaN and the infinities included), binary as bin. Decimals go as their exact XSD text, as
/// MessagePack-CSharp's own decimal formatter writes them, since MessagePack has no decimal.
/// </summary>
/// <remarks>
/// Written directly rather than as JSON converted with <c>MessagePackSerializer.ConvertFromJson</c>: that round trip
/// would turn <c>byte[]</c> into a base64 string and decimals into doubles (losing digits).
/// </remarks>
internal ref struct MessagePackObjectWriter(IBufferWriter<byte> buffer) : IObjectWriter
{
    // Held by value (a ref field cannot refer to a ref struct): the walk takes this writer by ref, so it is one writer.
    private MessagePackWriter _writer = new(buffer);

    /// <summary>Writes what is buffered to the buffer writer; call it once, after the last value.</summary>
    public void Flush() => _writer.Flush();

    public void WriteStartObject(int memberCount) => _writer.WriteMapHeader(memberCount);

    public void WritePropertyName(string name) => _writer.Write(name);

    public readonly void WriteEndObject()
    {
        // A map's length is in its header: nothing closes it.
    }

    public void WriteStartArray(int itemCount) => _writer.WriteArrayHeader(itemCount);

    public readonly void WriteEndArray()
    {
        // As for maps.
    }

    public void WriteNull() => _writer.WriteNil();

    public void WriteString(string value) => _writer.Write(value);

    public void WriteBoolean(bool value) => _writer.Write(value);

    public void WriteInteger(long value) => _writer.Write(value);

    public void WriteInteger(ulong value) => _writer.Write(value);

    public bool TryWriteNumber(double value)
    {
        _writer.Write(value);
        return true;
    }

    public bool TryWriteNumber(float value)
    {
        _writer.Write(value);
        return true;
    }

    public readonly bool TryWriteNumber(decimal value) => false;

    public void WriteBinary(ReadOnlySpan<byte> value) => _writer.Write(value);
}
