using System.Buffers;

namespace SoapMiddleware.Xml;

/// <summary>
/// An MTOM message as read: the root part (the envelope, in a pooled buffer) and the attachments by Content-ID.
/// Disposing it returns the buffer and deletes every attachment's temporary file; the HTTP transport does that when the
/// request ends, whatever happened.
/// </summary>
internal sealed class XopPackage : IDisposable
{
    // The tree reader (a listener read the document) has no reader to carry the package: the protocol sets it here for
    // the one synchronous call that reads the arguments.
    [ThreadStatic]
    private static XopPackage? _current;

    private readonly Dictionary<string, XopPart> _parts = new(StringComparer.Ordinal);
    private byte[]? _root;
    private int _rootLength;

    /// <summary>The package the tree reader resolves <c>xop:Include</c> against on this thread, or null.</summary>
    public static XopPackage? Current
    {
        get => _current;
        set => _current = value;
    }

    public ReadOnlyMemory<byte> Root => _root is null ? ReadOnlyMemory<byte>.Empty : _root.AsMemory(0, _rootLength);

    /// <summary>The root part's own content type (<c>application/xop+xml; type="text/xml"</c>, say).</summary>
    public string? RootContentType { get; set; }

    public IReadOnlyCollection<XopPart> Parts => _parts.Values;

    public int Count => _parts.Count;

    public void SetRoot(byte[] pooled, int length)
    {
        _root = pooled;
        _rootLength = length;
    }

    /// <summary>Adds an attachment; a second part with the same Content-ID is the client's error.</summary>
    public void Add(XopPart part)
    {
        if (!_parts.TryAdd(part.ContentId, part))
        {
            part.Buffer.Dispose();
            throw RpcFault.Client($"The MTOM message has two parts with the Content-ID '{EchoedText.Cap(part.ContentId)}'.");
        }
    }

    /// <summary>
    /// The part an <c>xop:Include</c> names by its <c>href</c>; a missing part, or one named a second time, is a Client
    /// fault (a binary value is one part, and a part is one value).
    /// </summary>
    public XopPart Resolve(string? href)
    {
        if (string.IsNullOrEmpty(href))
        {
            throw RpcFault.Client("An xop:Include has no href.");
        }

        if (!_parts.TryGetValue(XopNames.ContentIdOf(href), out var part))
        {
            throw RpcFault.Client($"The xop:Include '{EchoedText.Cap(href)}' names no part of the MTOM message.");
        }

        if (part.Referenced)
        {
            throw RpcFault.Client($"The xop:Include '{EchoedText.Cap(href)}' names a part that another xop:Include named already.");
        }

        part.Referenced = true;
        return part;
    }

    /// <summary>The value of a binary element whose content is <paramref name="href"/>: a <c>Stream</c> or a <c>byte[]</c>.</summary>
    public object Value(string? href, Type clrType)
    {
        var part = Resolve(href);
        return clrType == typeof(Stream) ? part.Buffer.OpenRead() : part.Buffer.ToArray();
    }

    public void Dispose()
    {
        foreach (var part in _parts.Values)
        {
            part.Buffer.Dispose();
        }

        _parts.Clear();
        if (_root is not null)
        {
            ArrayPool<byte>.Shared.Return(_root);
            _root = null;
        }
    }
}
