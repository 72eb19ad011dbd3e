using System.Security.Cryptography;

namespace SoapMiddleware.Client.Tests.Mtom;

/// <summary>
/// A read-only stream of <c>length</c> deterministic bytes made as they are read: a document of any size that never
/// exists in memory, so only what the client and the server buffer shows in a measurement.
/// </summary>
public sealed class PatternStream(long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    /// <summary>The <c>"length:sha256"</c> the sample's <c>Digest</c> answers for these bytes.</summary>
    public static string DigestOf(long length)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var stream = new PatternStream(length);
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }

        return $"{length}:{Convert.ToHexStringLower(sha.GetHashAndReset())}";
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        for (var i = 0; i < n; i++)
        {
            var p = _position + i;
            buffer[offset + i] = (byte)((p * 31) ^ (p >> 11));
        }

        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
