namespace SoapMiddleware.Protocols.Objects;

/// <summary>
/// The calls a format of objects, arrays and scalars (JSON, MessagePack, CBOR ...) implements so that
/// <see cref="ObjectModelWriter"/> writes a description's values into it. The walk over the type model is the
/// toolkit's (members in schema order, a derived type's hint, arrays, nulls, the depth guard that stops a cyclic graph);
/// the bytes are the format's. Implement it on a struct (a <c>ref struct</c> may wrap a <c>ref</c> writer), so the
/// walk is compiled for it and nothing is boxed.
/// </summary>
/// <remarks>
/// A value the format has no type for is written as its XSD text with <see cref="WriteString"/>, as SOAP writes it:
/// dates, times, durations, Guids, enums by member name, and each number a <c>TryWriteNumber</c> declines.
/// </remarks>
public interface IObjectWriter
{
    /// <summary>Starts an object (a map) of <paramref name="memberCount"/> name/value pairs, which follow.</summary>
    /// <param name="memberCount">How many pairs follow, for a format that writes the count first.</param>
    void WriteStartObject(int memberCount);

    /// <summary>Writes the name of the next pair of the current object.</summary>
    /// <param name="name">The member's name.</param>
    void WritePropertyName(string name);

    /// <summary>Ends the current object.</summary>
    void WriteEndObject();

    /// <summary>Starts an array of <paramref name="itemCount"/> values, which follow.</summary>
    /// <param name="itemCount">How many values follow, for a format that writes the count first.</param>
    void WriteStartArray(int itemCount);

    /// <summary>Ends the current array.</summary>
    void WriteEndArray();

    /// <summary>Writes null (JSON <c>null</c>, MessagePack nil).</summary>
    void WriteNull();

    /// <summary>Writes a string, or the XSD text of a value the format has no type for.</summary>
    /// <param name="value">The text.</param>
    void WriteString(string value);

    /// <summary>Writes a boolean.</summary>
    /// <param name="value">The value.</param>
    void WriteBoolean(bool value);

    /// <summary>Writes a signed integer (<see cref="int"/>, <see cref="long"/>, <see cref="short"/>, <see cref="sbyte"/>, and the unsigned types below <see cref="ulong"/>).</summary>
    /// <param name="value">The value.</param>
    void WriteInteger(long value);

    /// <summary>Writes a <see cref="ulong"/>.</summary>
    /// <param name="value">The value.</param>
    void WriteInteger(ulong value);

    /// <summary>Writes a <see cref="double"/> and returns true, or returns false to have its XSD text written (JSON: NaN and the infinities).</summary>
    /// <param name="value">The value.</param>
    bool TryWriteNumber(double value);

    /// <summary>Writes a <see cref="float"/> and returns true, or returns false to have its XSD text written.</summary>
    /// <param name="value">The value.</param>
    bool TryWriteNumber(float value);

    /// <summary>Writes a <see cref="decimal"/> exactly and returns true, or returns false to have its XSD text written (MessagePack has no decimal).</summary>
    /// <param name="value">The value.</param>
    bool TryWriteNumber(decimal value);

    /// <summary>Writes binary data (a <see cref="byte"/>[] or a <see cref="Stream"/>, read whole): JSON as base64, MessagePack as bin.</summary>
    /// <param name="value">The bytes.</param>
    void WriteBinary(ReadOnlySpan<byte> value);
}
