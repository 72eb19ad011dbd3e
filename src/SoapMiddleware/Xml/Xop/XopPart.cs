namespace SoapMiddleware.Xml;

/// <summary>One attachment of an MTOM message: its Content-ID, its media type and its bytes.</summary>
internal sealed class XopPart(string contentId, string? contentType, PartBuffer buffer)
{
    public string ContentId { get; } = contentId;

    public string? ContentType { get; } = contentType;

    public PartBuffer Buffer { get; } = buffer;

    /// <summary>Whether an <c>xop:Include</c> has named it already: a second reference is refused.</summary>
    public bool Referenced { get; set; }
}
