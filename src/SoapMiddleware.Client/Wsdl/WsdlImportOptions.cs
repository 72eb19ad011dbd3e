using SoapMiddleware.Client.Wsdl.Caching;

namespace SoapMiddleware.Client.Wsdl;

/// <summary>
/// Where the importer may read documents from, and the limits that bound a hostile or runaway WSDL in time and memory
/// (every limit, when exceeded, fails the import with a <see cref="WsdlImportException"/> that names it).
/// </summary>
public sealed class WsdlImportOptions
{
    /// <summary>Opens the main document and its imports; by default <see cref="FileDocumentResolver"/> (local files only, no network).</summary>
    public IWsdlDocumentResolver Resolver { get; set; } = new FileDocumentResolver();

    /// <summary>The most documents (the main one and every import and include) read for one import. Default 500.</summary>
    public int MaxDocuments { get; set; } = 500;

    /// <summary>The longest chain of imports from the main document. Default 32.</summary>
    public int MaxImportDepth { get; set; } = 32;

    /// <summary>The largest document, in bytes. Default 32 MiB.</summary>
    public long MaxDocumentBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>The most bytes read over all documents of one import. Default 128 MiB.</summary>
    public long MaxTotalBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>The deepest element nesting in a document. Default 256 (real WSDLs nest under 30).</summary>
    public int MaxNestingDepth { get; set; } = 256;

    /// <summary>
    /// Where parsed descriptions are kept between imports: <see cref="WsdlDescriptionCache.Shared"/> (in memory, bounded)
    /// by default; a <see cref="WsdlDescriptionCache"/> with a <see cref="WsdlCacheOptions.Directory"/> to keep them on
    /// disk across processes; null to parse every time.
    /// </summary>
    public WsdlDescriptionCache? Cache { get; set; } = WsdlDescriptionCache.Shared;
}
