namespace SoapMiddleware.Xml;

/// <summary>
/// The binary values a writer took out of the XML while it wrote an MTOM message: each a <c>byte[]</c> or a
/// <c>Stream</c> under the Content-ID its <c>xop:Include</c> names. The transport writes them as parts after the root.
/// </summary>
internal sealed class XopCollector
{
    private readonly List<(string ContentId, object Value)> _parts = [];

    public IReadOnlyList<(string ContentId, object Value)> Parts => _parts;

    /// <summary>Takes <paramref name="value"/> (a <c>byte[]</c> or <c>Stream</c>) and returns the <c>href</c> that names it.</summary>
    public string Add(object value)
    {
        var id = $"{_parts.Count + 1}.{Guid.NewGuid():N}@soapmiddleware";
        _parts.Add((id, value));
        return "cid:" + Uri.EscapeDataString(id).Replace("%40", "@", StringComparison.Ordinal);
    }
}
