using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>
/// Reads the main document and, breadth first, every document it imports or includes, within the options' limits.
/// An import that cannot be opened or parsed becomes a warning at its import element; a limit exceeded fails the whole.
/// </summary>
internal sealed class DocumentLoader(WsdlImportOptions options, WarningSink warnings)
{
    private readonly Dictionary<Uri, LoadedDocument> _documents = [];
    private readonly HashSet<Uri> _failed = [];
    private readonly List<Uri> _attempted = [];
    private readonly Dictionary<Uri, byte[]> _hashes = [];
    private long _totalBytes;

    /// <summary>The documents read, by their absolute URI (the main one first).</summary>
    public IReadOnlyDictionary<Uri, LoadedDocument> Documents => _documents;

    /// <summary>Parses the main document read by <see cref="ReadMainAsync"/>, then reads and parses its imports.</summary>
    public async Task<LoadedDocument> LoadAllAsync(DocumentBytes main, CancellationToken cancellationToken)
    {
        LoadedDocument root;
        try
        {
            _attempted.Add(main.Location);
            root = Parse(main);
        }
        catch (XmlException e)
        {
            throw new WsdlImportException($"cannot read {main.Location}: {e.Message}", e);
        }

        var level = new List<LoadedDocument> { root };
        for (var depth = 1; level.Count > 0; depth++)
        {
            var next = new List<LoadedDocument>();
            foreach (var document in level)
            {
                foreach (var (element, location) in ImportLocations(document.Document))
                {
                    var uri = Resolve(document.Location, location, element);
                    if (uri is null || _documents.ContainsKey(uri) || !_failed.Add(uri))
                    {
                        continue;
                    }

                    if (depth > options.MaxImportDepth)
                    {
                        throw new FatalImportException(
                            $"{uri}: imports nest deeper than {options.MaxImportDepth} documents (WsdlImportOptions.MaxImportDepth).");
                    }

                    try
                    {
                        next.Add(await LoadAsync(uri, cancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException or HttpRequestException
                        or WsdlImportException)
                    {
                        warnings.Add($"import of {location} skipped: {e.Message}", document.Location, element);
                    }
                }
            }

            level = next;
        }

        return root;
    }

    /// <summary>The absolute URI of an import's location relative to its document; null (and a warning) when it is not a URI.</summary>
    public Uri? Resolve(Uri baseUri, string location, XElement element)
    {
        if (Uri.TryCreate(baseUri, location, out var uri))
        {
            return uri;
        }

        warnings.Add($"import location '{location}' is not a URI", baseUri, element);
        return null;
    }

    /// <summary>Every wsdl:import location and xsd:import/include/redefine schemaLocation in the document.</summary>
    public static IEnumerable<(XElement Element, string Location)> ImportLocations(XDocument document)
    {
        foreach (var element in document.Descendants())
        {
            if (element.Name == WsdlNames.Import)
            {
                if (element.Attribute("location")?.Value is { Length: > 0 } location)
                {
                    yield return (element, location);
                }
            }
            else if ((XsNames.Is(element, "import") || XsNames.Is(element, "include") || XsNames.Is(element, "redefine"))
                && element.Attribute("schemaLocation")?.Value is { Length: > 0 } schemaLocation)
            {
                yield return (element, schemaLocation);
            }
        }
    }

    /// <summary>Reads the main document's bytes (so a cache can be asked by their hash before anything is parsed).</summary>
    public async Task<DocumentBytes> ReadMainAsync(Uri main, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAsync(main, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or WsdlImportException)
        {
            throw new WsdlImportException($"cannot read {main}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Every document asked for, in the order it was: the hash of its bytes, or null when it could not be read (the
    /// main document first). What a cached description depends on.
    /// </summary>
    public IReadOnlyList<DocumentFingerprint> Fingerprints() =>
        _attempted.Select(uri => new DocumentFingerprint(uri, _hashes.GetValueOrDefault(uri))).ToList();

    private async Task<DocumentBytes> ReadAsync(Uri location, CancellationToken cancellationToken)
    {
        if (_documents.Count >= options.MaxDocuments)
        {
            throw new FatalImportException(
                $"{location}: more than {options.MaxDocuments} documents imported (WsdlImportOptions.MaxDocuments).");
        }

        var limit = Math.Min(options.MaxDocumentBytes, options.MaxTotalBytes - _totalBytes);
        var bytes = await DocumentBytes.ReadAsync(options.Resolver, location, limit, () => new FatalImportException(limit < options.MaxDocumentBytes
            ? $"{location}: the documents of this import exceed {options.MaxTotalBytes} bytes (WsdlImportOptions.MaxTotalBytes)."
            : $"{location}: the document exceeds {options.MaxDocumentBytes} bytes (WsdlImportOptions.MaxDocumentBytes)."), cancellationToken).ConfigureAwait(false);
        _totalBytes += bytes.Length;
        _hashes[location] = bytes.Hash;
        return bytes;
    }

    private LoadedDocument Parse(DocumentBytes bytes)
    {
        var document = new LoadedDocument(bytes.Location, SafeXml.Parse(bytes.Buffer, bytes.Length, bytes.Location, options.MaxNestingDepth), bytes.Hash);
        _documents[bytes.Location] = document;
        return document;
    }

    private async Task<LoadedDocument> LoadAsync(Uri location, CancellationToken cancellationToken)
    {
        _attempted.Add(location);
        using var bytes = await ReadAsync(location, cancellationToken).ConfigureAwait(false);
        return Parse(bytes);
    }
}
