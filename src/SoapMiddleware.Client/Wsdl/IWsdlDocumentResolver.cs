namespace SoapMiddleware.Client.Wsdl;

/// <summary>
/// Opens the documents of a WSDL import: the main document and every <c>wsdl:import</c>, <c>xsd:import</c> and
/// <c>xsd:include</c>, each given as an absolute URI (relative locations are resolved against the importing document
/// first). Implement it to serve documents from a cache, an archive or a map of well-known URLs, or to refuse some.
/// </summary>
public interface IWsdlDocumentResolver
{
    /// <summary>
    /// Opens <paramref name="location"/> for reading. Throws (a <see cref="WsdlImportException"/> saying why, or an
    /// <see cref="IOException"/>) when it will not or cannot; the importer then reports the import as a warning, or
    /// fails when it is the main document. The importer disposes the stream and reads at most its size limit from it.
    /// </summary>
    Task<Stream> OpenAsync(Uri location, CancellationToken cancellationToken);
}
