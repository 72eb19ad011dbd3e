using System.Buffers;
using System.Text;

namespace SoapMiddleware.Client.Transport;

/// <summary>Reads a response body, never past a limit: a declared length over it fails before reading, a longer body as soon as it passes it.</summary>
internal static class ResponseBodyReader
{
    public static async Task<byte[]> ReadAsync(HttpContent content, long limit, string operation, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > limit)
        {
            throw new RpcResponseTooLargeException(limit, declared, operation);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            if (declared is { } length && length <= Array.MaxLength)
            {
                return await ReadDeclaredAsync(stream, (int)length, cancellationToken).ConfigureAwait(false);
            }

            using var body = new MemoryStream((int)Math.Min(declared ?? 4096, limit));
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > limit)
                    {
                        throw new RpcResponseTooLargeException(limit, declared, operation);
                    }

                    body.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return body.ToArray();
        }
    }

    /// <summary>
    /// A body of a declared length (the common case; checked against the limit already) read straight into an array of
    /// that length, without the copy through a growing buffer. HTTP frames the body by that length, so nothing follows it.
    /// </summary>
    private static async Task<byte[]> ReadDeclaredAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        var body = new byte[length];
        var total = 0;
        int read;
        while (total < length && (read = await stream.ReadAsync(body.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        // The connection ended early: the transport normally says so first; what arrived is what there is.
        return total == length ? body : body.AsSpan(0, total).ToArray();
    }

    /// <summary>The first <paramref name="max"/> bytes of the body as UTF-8 text (invalid bytes replaced), the rest left unread.</summary>
    public static async Task<(byte[] Bytes, string Text)> ExcerptAsync(HttpContent content, int max, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[Math.Max(0, max)];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            var bytes = buffer.AsSpan(0, total).ToArray();
            return (bytes, Encoding.UTF8.GetString(bytes));
        }
    }
}
