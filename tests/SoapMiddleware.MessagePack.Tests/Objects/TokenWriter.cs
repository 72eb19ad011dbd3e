using System.Globalization;
using SoapMiddleware.Protocols.Objects;

namespace SoapMiddleware.MessagePack.Tests.Objects;

/// <summary>
/// A format of its own, written on public API only: it records what <see cref="ObjectModelWriter"/> asks it to write as
/// tokens (<c>{2</c>, <c>Id</c> as a name, <c>7</c>, <c>"text"</c>, <c>}</c>), and declines decimals and doubles so
/// they come as their XSD text.
/// </summary>
internal sealed class TokenWriter : IObjectWriter
{
    public List<string> Tokens { get; } = [];

    public void WriteStartObject(int memberCount) => Tokens.Add("{" + memberCount.ToString(CultureInfo.InvariantCulture));

    public void WritePropertyName(string name) => Tokens.Add(name + ":");

    public void WriteEndObject() => Tokens.Add("}");

    public void WriteStartArray(int itemCount) => Tokens.Add("[" + itemCount.ToString(CultureInfo.InvariantCulture));

    public void WriteEndArray() => Tokens.Add("]");

    public void WriteNull() => Tokens.Add("null");

    public void WriteString(string value) => Tokens.Add("\"" + value + "\"");

    public void WriteBoolean(bool value) => Tokens.Add(value ? "true" : "false");

    public void WriteInteger(long value) => Tokens.Add(value.ToString(CultureInfo.InvariantCulture));

    public void WriteInteger(ulong value) => Tokens.Add(value.ToString(CultureInfo.InvariantCulture));

    public bool TryWriteNumber(double value) => false;

    public bool TryWriteNumber(float value) => false;

    public bool TryWriteNumber(decimal value) => false;

    public void WriteBinary(ReadOnlySpan<byte> value) => Tokens.Add("bin:" + Convert.ToHexString(value));
}
