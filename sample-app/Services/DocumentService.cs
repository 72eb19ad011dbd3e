using System.Security.Cryptography;
using SoapMiddleware;

namespace SampleApp.Services;

/// <summary>
/// Binary documents as streams (docs/mtom.md): served alone at <c>/soap/documents</c>, SOAP only. Sent as MTOM, a
/// <see cref="Stream"/> argument reads the request's part where it waits (on disk when large), and a
/// <see cref="Stream"/> result is copied to the response as a part, so a document of any size never sits whole in memory.
/// </summary>
[RpcService(Name = "DocumentService")]
public sealed class DocumentService
{
    /// <summary>The document's length and SHA-256, <c>"length:hex"</c>.</summary>
    [RpcMethod]
    public async Task<string> Digest(Stream document)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await document.ReadAsync(buffer)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            length += read;
        }

        return $"{length}:{Convert.ToHexStringLower(sha.GetHashAndReset())}";
    }

    /// <summary>Returns the document, streamed back.</summary>
    [RpcMethod]
    public Stream EchoDocument(Stream document) => document;
}
