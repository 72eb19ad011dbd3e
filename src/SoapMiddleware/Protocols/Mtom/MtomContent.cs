using System.Net;
using System.Net.Http.Headers;

namespace SoapMiddleware.Protocols.Mtom;

/// <summary>A client's MTOM request body: written as it is sent (chunked), the binary values streamed from their sources.</summary>
internal sealed class MtomContent : HttpContent
{
    private readonly MtomWriter _writer;
    private readonly byte[] _root;
    private readonly IReadOnlyList<(string ContentId, object Value)> _parts;

    public MtomContent(MtomWriter writer, byte[] root, IReadOnlyList<(string ContentId, object Value)> parts)
    {
        _writer = writer;
        _root = root;
        _parts = parts;
        Headers.ContentType = MediaTypeHeaderValue.Parse(writer.ContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => _writer.WriteAsync(stream, _root, _parts, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => _writer.WriteAsync(stream, _root, _parts, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
