using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace SoapMiddleware;

/// <summary>
/// Reads a request body into a pooled buffer, stopping at a size limit so an oversized (or endless chunked)
/// request costs at most the limit in memory. Dispose the result to return the buffer. The HTTP transport and the
/// queue's enqueue endpoint read bodies with it.
/// </summary>
public readonly struct RequestBodyReader : IDisposable
{
    private readonly byte[]? _buffer;

    private RequestBodyReader(byte[]? buffer, int length, bool tooLarge)
    {
        _buffer = buffer;
        Memory = buffer is null ? ReadOnlyMemory<byte>.Empty : buffer.AsMemory(0, length);
        TooLarge = tooLarge;
    }

    /// <summary>The body's bytes; empty when it was too large. Valid until <see cref="Dispose()"/>.</summary>
    public ReadOnlyMemory<byte> Memory { get; }

    /// <summary>Whether the body is larger than the limit (it was not kept).</summary>
    public bool TooLarge { get; }

    /// <summary>Reads the body of <paramref name="request"/>, up to <paramref name="limit"/> bytes.</summary>
    /// <param name="request">The request.</param>
    /// <param name="limit">The most bytes kept; a longer body is <see cref="TooLarge"/>.</param>
    /// <param name="cancellationToken">Cancels the read (the request aborted).</param>
    /// <exception cref="Microsoft.AspNetCore.Http.BadHttpRequestException">Kestrel refused the body (too slow, malformed chunks): answer it with <see cref="RequestBodyFailure"/>.</exception>
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

    /// <summary>Returns the pooled buffer.</summary>
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
