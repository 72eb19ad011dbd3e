using System.Buffers;
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
    private long _totalBytes;

    /// <summary>The documents read, by their absolute URI (the main one first).</summary>
    public IReadOnlyDictionary<Uri, LoadedDocument> Documents => _documents;

    public async Task<LoadedDocument> LoadAllAsync(Uri main, CancellationToken cancellationToken)
    {
        LoadedDocument root;
        try
        {
            root = await LoadAsync(main, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException or HttpRequestException or WsdlImportException)
        {
            throw new WsdlImportException($"cannot read {main}: {e.Message}", e);
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

    private async Task<LoadedDocument> LoadAsync(Uri location, CancellationToken cancellationToken)
    {
        if (_documents.Count >= options.MaxDocuments)
        {
            throw new FatalImportException(
                $"{location}: more than {options.MaxDocuments} documents imported (WsdlImportOptions.MaxDocuments).");
        }

        var limit = Math.Min(options.MaxDocumentBytes, options.MaxTotalBytes - _totalBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var length = 0;
            await using (var stream = await options.Resolver.OpenAsync(location, cancellationToken).ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                    if (length > limit)
                    {
                        throw new FatalImportException(limit < options.MaxDocumentBytes
                            ? $"{location}: the documents of this import exceed {options.MaxTotalBytes} bytes (WsdlImportOptions.MaxTotalBytes)."
                            : $"{location}: the document exceeds {options.MaxDocumentBytes} bytes (WsdlImportOptions.MaxDocumentBytes).");
                    }
                }
            }

            _totalBytes += length;
            var document = new LoadedDocument(location, SafeXml.Parse(buffer, length, location, options.MaxNestingDepth));
            _documents[location] = document;
            return document;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
