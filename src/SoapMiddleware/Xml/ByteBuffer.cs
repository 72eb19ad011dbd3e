using System.Text;

namespace SoapMiddleware.Xml;

/// <summary>
/// A growable byte array for writing a response: plain span copies with no interface calls, because a 100-line
/// response is about two thousand small writes.
/// </summary>
internal sealed class ByteBuffer(int capacity)
{
    private byte[] _buffer = new byte[Math.Max(capacity, 64)];
    private int _length;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _buffer.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void WriteUtf8(ReadOnlySpan<char> text)
    {
        // Three bytes per UTF-16 unit is UTF-8's worst case, so the encoder never runs out of room.
        var needed = text.Length * 3;
        if (_length + needed > _buffer.Length)
        {
            Grow(needed);
        }

        // Most text in a response is short ASCII; the ASCII transcoder has far less fixed overhead than the UTF-8 encoder.
        if (Ascii.FromUtf16(text, _buffer.AsSpan(_length), out var written) == System.Buffers.OperationStatus.Done)
        {
            _length += written;
            return;
        }

        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
    }

    /// <summary>Writes a number's invariant text as UTF-8 straight into the buffer, without a string.</summary>
    public void WriteInvariant<T>(T value)
        where T : IUtf8SpanFormattable
    {
        // 64 bytes hold any integer or decimal (a decimal is at most 31 characters); grow and retry for anything longer.
        var room = 64;
        while (true)
        {
            if (_length + room > _buffer.Length)
            {
                Grow(room);
            }

            if (value.TryFormat(_buffer.AsSpan(_length), out var written, default, System.Globalization.CultureInfo.InvariantCulture))
            {
                _length += written;
                return;
            }

            room *= 2;
        }
    }

    private void Grow(int needed)
    {
        var larger = new byte[Math.Max(_buffer.Length * 2, _length + needed)];
        _buffer.AsSpan(0, _length).CopyTo(larger);
        _buffer = larger;
    }
}
