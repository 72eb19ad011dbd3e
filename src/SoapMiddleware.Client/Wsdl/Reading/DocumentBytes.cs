using System.Buffers;
using System.Security.Cryptography;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>
/// The bytes of one document, read through the resolver into a pooled buffer and never past a limit, with their
/// SHA-256 (what the description cache keys and validates entries by). Dispose returns the buffer.
/// </summary>
internal sealed class DocumentBytes : IDisposable
{
    private byte[]? _buffer;

    private DocumentBytes(Uri location, byte[] buffer, int length)
    {
        Location = location;
        _buffer = buffer;
        Length = length;
        Hash = SHA256.HashData(buffer.AsSpan(0, length));
    }

    public Uri Location { get; }

    public int Length { get; }

    public byte[] Hash { get; }

    public byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(DocumentBytes));

    /// <summary>Reads <paramref name="location"/>; more than <paramref name="limit"/> bytes throws what <paramref name="tooLarge"/> makes.</summary>
    public static async Task<DocumentBytes> ReadAsync(
        IWsdlDocumentResolver resolver, Uri location, long limit, Func<Exception> tooLarge, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var length = 0;
            await using (var stream = await resolver.OpenAsync(location, cancellationToken).ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                    if (length > limit)
                    {
                        throw tooLarge();
                    }
                }
            }

            var bytes = new DocumentBytes(location, buffer, length);
            buffer = null;
            return bytes;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
