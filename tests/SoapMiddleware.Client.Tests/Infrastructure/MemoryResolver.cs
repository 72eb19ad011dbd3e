using System.Text;
using SoapMiddleware.Client.Wsdl;

namespace SoapMiddleware.Client.Tests.Infrastructure;

/// <summary>Serves documents from memory by absolute URI, and counts what it was asked for.</summary>
internal sealed class MemoryResolver : IWsdlDocumentResolver
{
    private readonly Dictionary<Uri, byte[]> _documents = [];

    public List<Uri> Requested { get; } = [];

    public MemoryResolver Add(string uri, string text) => Add(uri, Encoding.UTF8.GetBytes(text));

    public MemoryResolver Add(string uri, byte[] bytes)
    {
        _documents[new Uri(uri)] = bytes;
        return this;
    }

    public Task<Stream> OpenAsync(Uri location, CancellationToken cancellationToken)
    {
        Requested.Add(location);
        return _documents.TryGetValue(location, out var bytes)
            ? Task.FromResult<Stream>(new MemoryStream(bytes))
            : throw new FileNotFoundException($"no document at {location}");
    }
}
