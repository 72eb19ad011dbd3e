namespace SoapMiddleware.Client.Wsdl;

/// <summary>Opens local files (<c>file:</c> URIs) and refuses every other scheme, so an import never reaches the network.</summary>
public sealed class FileDocumentResolver : IWsdlDocumentResolver
{
    /// <inheritdoc />
    public Task<Stream> OpenAsync(Uri location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!location.IsFile)
        {
            throw new WsdlImportException(
                $"{location} is not a local file, and this resolver reads local files only (use an HttpDocumentResolver to allow downloads).");
        }

        Stream stream = new FileStream(location.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: false);
        return Task.FromResult(stream);
    }
}
