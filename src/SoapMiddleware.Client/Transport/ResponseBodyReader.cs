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
