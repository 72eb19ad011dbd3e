using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SoapMiddleware.Client.Wsdl.Reading;

namespace SoapMiddleware.Client.Wsdl.Caching;

/// <summary>
/// Keeps parsed descriptions (not the XML), so a WSDL read again is not parsed again: in memory (bounded, least
/// recently used first out), and on disk when <see cref="WsdlCacheOptions.Directory"/> is set. An entry is keyed by
/// the main document's URL, the SHA-256 of its bytes and the import limits, and it records the hash of every document
/// it was read from: a hit still reads those documents through the resolver and compares their hashes (reading and
/// hashing takes milliseconds where parsing takes hundreds), so a changed WSDL or a changed import is a miss, never a
/// stale description. Safe for any number of threads and importers; <see cref="Shared"/> is the importers' default.
/// </summary>
public sealed class WsdlDescriptionCache
{
    private readonly LruEntries _memory;
    private readonly DiskEntries? _disk;
    private readonly ILogger _logger;

    /// <summary>A cache with <paramref name="options"/> (memory only, 16 entries, when null), logging what it skips to <paramref name="logger"/>.</summary>
    public WsdlDescriptionCache(WsdlCacheOptions? options = null, ILogger<WsdlDescriptionCache>? logger = null)
    {
        options ??= new WsdlCacheOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _memory = new LruEntries(options.MaxMemoryEntries);
        _disk = options.Directory is { Length: > 0 } directory ? new DiskEntries(directory, _logger) : null;
    }

    /// <summary>The process-wide memory cache every <see cref="WsdlImportOptions"/> starts with (16 entries, no disk).</summary>
    public static WsdlDescriptionCache Shared { get; } = new();

    /// <summary>The folder this user's entries are written to (a subfolder of <see cref="WsdlCacheOptions.Directory"/>); null when memory only or when it cannot be used.</summary>
    public string? UserDirectory => _disk?.Folder;

    /// <summary>How many descriptions are in memory now.</summary>
    public int MemoryCount => _memory.Count;

    /// <summary>Forgets the descriptions in memory (the files on disk stay).</summary>
    public void Clear() => _memory.Clear();

    internal static string KeyOf(Uri location, byte[] mainHash, WsdlImportOptions options) =>
        $"{EntryFormat.Version}\n{location.AbsoluteUri}\n{Convert.ToHexStringLower(mainHash)}\n"
        + $"{options.MaxDocuments},{options.MaxImportDepth},{options.MaxDocumentBytes},{options.MaxTotalBytes},{options.MaxNestingDepth}";

    /// <summary>The cached description of <paramref name="key"/> when every document it was read from is unchanged; else null.</summary>
    internal async Task<WsdlDescription?> FindAsync(string key, WsdlImportOptions options, CancellationToken cancellationToken)
    {
        var entry = _memory.Get(key);
        if (entry is null && _disk?.Read(key) is { } stored)
        {
            entry = stored;
            _memory.Set(entry);
        }

        if (entry is null)
        {
            return null;
        }

        // The main document (first) is the key's hash; the others are read again and compared.
        foreach (var document in entry.Documents.Skip(1))
        {
            if (!await IsUnchangedAsync(document, options, cancellationToken).ConfigureAwait(false))
            {
                WsdlCacheLog.Stale(_logger, entry.Description.Location, document.Location);
                return null;
            }
        }

        return entry.Description;
    }

    internal void Store(CacheEntry entry)
    {
        _memory.Set(entry);
        _disk?.Write(entry);
    }

    private static async Task<bool> IsUnchangedAsync(DocumentFingerprint document, WsdlImportOptions options, CancellationToken cancellationToken)
    {
        try
        {
            using var bytes = await DocumentBytes.ReadAsync(
                options.Resolver, document.Location, options.MaxDocumentBytes, () => new InvalidDataException("over the size limit"), cancellationToken).ConfigureAwait(false);
            return document.Hash is not null && bytes.Hash.AsSpan().SequenceEqual(document.Hash);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or WsdlImportException or InvalidDataException)
        {
            // A document that could not be read then must still not be readable now.
            return document.Hash is null;
        }
    }
}
