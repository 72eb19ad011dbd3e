using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Protocols.Mtom;

/// <summary>
/// Reads an MTOM message (<c>multipart/related</c>, RFC 2046/2387) from a stream in one forward pass with a fixed
/// window: the root part into a pooled buffer of at most the envelope limit, every other part into a
/// <see cref="PartBuffer"/> (on disk above the threshold). Every input costs time linear in its bytes and is refused
/// at the first limit it breaks: the part count, one part's header size, the envelope's and the attachments' sizes, a
/// boundary that never closes. Whatever it refuses, it deletes what it wrote.
/// </summary>
internal sealed class MultipartRelatedReader
{
    private const int Window = 64 * 1024;

    private readonly Stream _body;
    private readonly RpcMtomOptions _options;
    private readonly int _maxRootBytes;
    private readonly byte[] _delimiter;
    private readonly byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    private MultipartRelatedReader(Stream body, string boundary, RpcMtomOptions options, int maxRootBytes)
    {
        _body = body;
        _options = options;
        _maxRootBytes = maxRootBytes;
        _delimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(Window, options.MaxPartHeaderBytes + _delimiter.Length + 8));
    }

    private ReadOnlySpan<byte> Available => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Reads the message whose content type is <paramref name="contentType"/>; throws <see cref="RpcMtomException"/> for one it refuses.</summary>
    public static async Task<XopPackage> ReadAsync(Stream body, MultipartContentType contentType, RpcMtomOptions options, int maxRootBytes, CancellationToken cancellationToken)
    {
        var boundary = contentType.Boundary;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 200)
        {
            throw Refused("The multipart/related content type has no usable boundary parameter.");
        }

        var reader = new MultipartRelatedReader(body, boundary, options, maxRootBytes);
        var package = new XopPackage();
        try
        {
            await reader.ReadPartsAsync(package, contentType.Start, cancellationToken).ConfigureAwait(false);
            return package;
        }
        catch
        {
            package.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(reader._buffer);
        }
    }

    private static RpcMtomException Refused(string message) => new(StatusCodes.Status400BadRequest, message);

    private async Task ReadPartsAsync(XopPackage package, string? start, CancellationToken cancellationToken)
    {
        // The preamble: everything before the first delimiter (which may open the body, without its CRLF).
        await SkipToFirstDelimiterAsync(cancellationToken).ConfigureAwait(false);
        var parts = 0;
        long attachmentBytes = 0;
        var rootSeen = false;
        while (true)
        {
            await EnsureAsync(2, cancellationToken).ConfigureAwait(false);
            if (Available.StartsWith("--"u8))
            {
                break;
            }

            await SkipLineAsync(cancellationToken).ConfigureAwait(false);
            if (++parts > _options.MaxParts)
            {
                throw Refused($"The MTOM message has more than {_options.MaxParts} parts (Rpc:Mtom:MaxParts).");
            }

            var (contentId, partType, encoding) = await ReadHeadersAsync(cancellationToken).ConfigureAwait(false);
            if (encoding is not (null or "binary" or "8bit" or "7bit"))
            {
                throw Refused($"The MTOM part '{EchoedText.Cap(contentId)}' has the Content-Transfer-Encoding '{EchoedText.Cap(encoding)}'; expected binary or 8bit.");
            }

            var isRoot = !rootSeen && (start is null ? parts == 1 : contentId == start);
            if (isRoot)
            {
                rootSeen = true;
                package.RootContentType = partType;
                await ReadRootAsync(package, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (string.IsNullOrEmpty(contentId))
            {
                throw Refused($"Part {parts} of the MTOM message has no Content-ID, so no xop:Include can name it.");
            }

            var buffer = new PartBuffer(_options.MemoryThresholdBytes, _options.Directory);
            var part = new XopPart(contentId, partType, buffer);
            try
            {
                package.Add(part);
            }
            catch (RpcFault repeated)
            {
                throw Refused(repeated.Message);
            }

            attachmentBytes = await ReadBodyAsync(buffer, attachmentBytes, cancellationToken).ConfigureAwait(false);
        }

        if (!rootSeen)
        {
            throw Refused(start is null ? "The MTOM message has no parts." : $"The MTOM message has no part with the start Content-ID '{EchoedText.Cap(start)}'.");
        }
    }

    private async Task SkipToFirstDelimiterAsync(CancellationToken cancellationToken)
    {
        var first = _delimiter.AsMemory(2);
        long skipped = 0;
        while (true)
        {
            var index = Available.IndexOf(first.Span);
            if (index >= 0)
            {
                _start += index + first.Length;
                return;
            }

            var keep = Math.Min(Available.Length, first.Length - 1);
            skipped += Available.Length - keep;
            _start = _end - keep;
            if (_eof || skipped > _options.MaxPartHeaderBytes)
            {
                throw Refused("The multipart body does not start with its boundary.");
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Past the rest of the delimiter line (transport padding, then CRLF).</summary>
    private async Task SkipLineAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(Math.Min(256, _buffer.Length), cancellationToken).ConfigureAwait(false);
        var index = Available.IndexOf("\r\n"u8);
        if (index < 0 || index > 200)
        {
            throw Refused("A multipart boundary line does not end with CRLF.");
        }

        _start += index + 2;
    }

    private async Task<(string? ContentId, string? ContentType, string? Encoding)> ReadHeadersAsync(CancellationToken cancellationToken)
    {
        var limit = _options.MaxPartHeaderBytes;
        while (true)
        {
            if (Available.StartsWith("\r\n"u8))
            {
                _start += 2;
                return (null, null, null);
            }

            var index = Available.IndexOf("\r\n\r\n"u8);
            if (index >= 0)
            {
                if (index > limit)
                {
                    break;
                }

                var block = Encoding.Latin1.GetString(Available[..index]);
                _start += index + 4;
                return ParseHeaders(block);
            }

            if (Available.Length > limit || _eof)
            {
                if (_eof && Available.Length <= limit)
                {
                    throw Refused("The multipart body ends inside a part's headers, before its closing boundary.");
                }

                break;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }

        throw Refused($"A part's MIME headers are larger than {limit} bytes (Rpc:Mtom:MaxPartHeaderBytes).");
    }

    private static (string? ContentId, string? ContentType, string? Encoding) ParseHeaders(string block)
    {
        string? id = null, type = null, encoding = null;
        foreach (var line in block.Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-ID", StringComparison.OrdinalIgnoreCase))
            {
                id = value.Trim('<', '>');
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                type = value;
            }
            else if (name.Equals("Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                encoding = value.ToLowerInvariant();
            }
        }

        return (id, type, encoding);
    }

    private async Task ReadRootAsync(XopPackage package, CancellationToken cancellationToken)
    {
        var root = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        try
        {
            await ScanBodyAsync(bytes =>
            {
                if ((long)length + bytes.Length > _maxRootBytes)
                {
                    throw new RpcMtomException(StatusCodes.Status413PayloadTooLarge, $"The MTOM message's envelope is larger than the limit of {_maxRootBytes} bytes (Rpc:MaxRequestBytes).");
                }

                if (length + bytes.Length > root.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Max(root.Length * 2, length + bytes.Length));
                    root.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(root);
                    root = larger;
                }

                bytes.CopyTo(root.AsSpan(length));
                length += bytes.Length;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(root);
            throw;
        }

        package.SetRoot(root, length);
    }

    private async Task<long> ReadBodyAsync(PartBuffer buffer, long total, CancellationToken cancellationToken)
    {
        await ScanBodyAsync(bytes =>
        {
            total += bytes.Length;
            if (total > _options.MaxBytes)
            {
                throw new RpcMtomException(StatusCodes.Status413PayloadTooLarge, $"The MTOM message's attachments are larger than the limit of {_options.MaxBytes} bytes (Rpc:Mtom:MaxBytes).");
            }

            buffer.Write(bytes);
        }, cancellationToken).ConfigureAwait(false);
        return total;
    }

    /// <summary>Hands the part's bytes to <paramref name="write"/> up to the next delimiter, and moves past it.</summary>
    private async Task ScanBodyAsync(BytesSink write, CancellationToken cancellationToken)
    {
        while (true)
        {
            var index = Available.IndexOf(_delimiter);
            if (index >= 0)
            {
                write(Available[..index]);
                _start += index + _delimiter.Length;
                return;
            }

            // Everything but a tail that could begin the delimiter is the part's.
            var safe = Available.Length - (_delimiter.Length - 1);
            if (safe > 0)
            {
                write(Available[..safe]);
                _start += safe;
            }

            if (_eof)
            {
                throw Refused("The multipart body ends before its closing boundary.");
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private delegate void BytesSink(ReadOnlySpan<byte> bytes);

    private async Task EnsureAsync(int count, CancellationToken cancellationToken)
    {
        while (_end - _start < count && !_eof)
        {
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_end - _start < Math.Min(count, 2) && _eof)
        {
            throw Refused("The multipart body ends before its closing boundary.");
        }
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            return;
        }

        var read = await _body.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}
