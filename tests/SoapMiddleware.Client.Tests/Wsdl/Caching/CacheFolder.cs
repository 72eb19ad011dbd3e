using SoapMiddleware.Client.Wsdl.Caching;

namespace SoapMiddleware.Client.Tests.Wsdl.Caching;

/// <summary>A temporary cache root and a WSDL folder beside it, deleted with the test; caches over it log into <see cref="Log"/>.</summary>
internal sealed class CacheFolder : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("soapmw-cache-test-");

    public string Root => Path.Combine(_directory.FullName, "cache");

    public ListLogger Log { get; } = new();

    /// <summary>A new cache over <see cref="Root"/>: nothing in memory, so an entry can only come from disk.</summary>
    public WsdlDescriptionCache NewCache(int memoryEntries = 16) =>
        new(new WsdlCacheOptions { Directory = Root, MaxMemoryEntries = memoryEntries }, Log);

    public Uri Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, "wsdl", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return new Uri(path);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
