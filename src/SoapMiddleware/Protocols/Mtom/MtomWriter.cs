using System.Text;

namespace SoapMiddleware.Protocols.Mtom;

/// <summary>
/// Writes an MTOM message: the envelope as the root part (<c>application/xop+xml</c>), then each binary value as a
/// part of its own, a <c>Stream</c> copied through (and disposed), so a large value is never buffered here.
/// </summary>
internal sealed class MtomWriter
{
    private const string RootId = "root.message@soapmiddleware";

    private readonly string _boundary = "uuid:" + Guid.NewGuid().ToString("D");

    /// <param name="envelopeType">The envelope's media type: <c>text/xml</c> or <c>application/soap+xml</c>.</param>
    public MtomWriter(string envelopeType)
    {
        EnvelopeType = envelopeType;
    }

    public string EnvelopeType { get; }

    /// <summary>The message's content type, naming the boundary, the root and the envelope's type.</summary>
    public string ContentType
        => $"multipart/related; type=\"application/xop+xml\"; boundary=\"{_boundary}\"; start=\"<{RootId}>\"; start-info=\"{EnvelopeType}\"";

    public async Task WriteAsync(Stream output, ReadOnlyMemory<byte> root, IReadOnlyList<(string ContentId, object Value)> parts, CancellationToken cancellationToken)
    {
        await WriteAsciiAsync(output, $"--{_boundary}\r\nContent-ID: <{RootId}>\r\nContent-Transfer-Encoding: 8bit\r\nContent-Type: application/xop+xml; charset=utf-8; type=\"{EnvelopeType}\"\r\n\r\n", cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(root, cancellationToken).ConfigureAwait(false);
        foreach (var (id, value) in parts)
        {
            await WriteAsciiAsync(output, $"\r\n--{_boundary}\r\nContent-ID: <{id}>\r\nContent-Transfer-Encoding: binary\r\nContent-Type: application/octet-stream\r\n\r\n", cancellationToken).ConfigureAwait(false);
            if (value is byte[] bytes)
            {
                await output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await using var stream = (Stream)value;
                await stream.CopyToAsync(output, 81920, cancellationToken).ConfigureAwait(false);
            }
        }

        await WriteAsciiAsync(output, $"\r\n--{_boundary}--\r\n", cancellationToken).ConfigureAwait(false);
    }

    private static ValueTask WriteAsciiAsync(Stream output, string text, CancellationToken cancellationToken)
        => output.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken);
}
