using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace SoapMiddleware;

/// <summary>
/// Reads a request body into a pooled buffer, stopping at a size limit so an oversized (or endless chunked)
/// request costs at most the limit in memory. Dispose the result to return the buffer.
/// </summary>
internal readonly struct RequestBodyReader : IDisposable
{
    private readonly byte[]? _buffer;

    private RequestBodyReader(byte[]? buffer, int length, bool tooLarge)
    {
        _buffer = buffer;
        Memory = buffer is null ? ReadOnlyMemory<byte>.Empty : buffer.AsMemory(0, length);
        TooLarge = tooLarge;
    }

    public ReadOnlyMemory<byte> Memory { get; }

    public bool TooLarge { get; }

    public static async ValueTask<RequestBodyReader> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return new RequestBodyReader(null, 0, tooLarge: true);
        }

        var size = (int)Math.Min(request.ContentLength ?? 4096, limit) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 256));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        break;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return length > limit
            ? Dispose(buffer, tooLarge: true)
            : new RequestBodyReader(buffer, length, tooLarge: false);
    }

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }

    private static RequestBodyReader Dispose(byte[] buffer, bool tooLarge)
    {
        ArrayPool<byte>.Shared.Return(buffer);
        return new RequestBodyReader(null, 0, tooLarge);
    }
}
