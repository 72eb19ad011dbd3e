using System.Security.Cryptography;
using System.Text;
using SoapMiddleware.Client.Wsdl.Reading;

namespace SoapMiddleware.Client.Wsdl.Caching;

/// <summary>
/// A cache file: the magic <c>SOAPMWDC</c>, the format <see cref="Version"/>, the entry's key, the documents it was read
/// from with their hashes, the description (<see cref="DescriptionWriter"/>), then the SHA-256 of all that. A file of
/// another program, another version, another key, or a truncated or altered one is refused with the reason.
/// </summary>
internal static class EntryFormat
{
    /// <summary>Changes whenever the description model or this layout does, so an older file is a miss, not a misreading.</summary>
    public const int Version = 3; // 2: typed xs:any, derived types and headers; 3: the source locations of types, particles and operations

    private const int HashLength = 32;

    private static ReadOnlySpan<byte> Magic => "SOAPMWDC"u8;

    public static byte[] Write(CacheEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var output = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            output.Write(Magic);
            output.Write(Version);
            output.Write(entry.Key);
            output.Write7BitEncodedInt(entry.Documents.Count);
            foreach (var document in entry.Documents)
            {
                output.Write(document.Location.OriginalString);
                output.Write(document.Hash is not null);
                output.Write(document.Hash ?? []);
            }

            new DescriptionWriter(output).Write(entry.Description);
        }

        var checksum = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        buffer.Write(checksum);
        return buffer.ToArray();
    }

    /// <summary>Whether <paramref name="file"/> starts with this format's magic: a file this cache wrote, whatever its version or state.</summary>
    public static bool HasHeader(string file)
    {
        Span<byte> start = stackalloc byte[8];
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length && start.SequenceEqual(Magic);
    }

    /// <exception cref="InvalidDataException">Not a cache file of this version and key, or damaged; the message says which.</exception>
    public static CacheEntry Read(byte[] bytes, string expectedKey)
    {
        if (bytes.Length < Magic.Length + 4 + HashLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a SoapMiddleware description cache file (no SOAPMWDC header)");
        }

        var version = BitConverter.ToInt32(bytes, Magic.Length);
        if (version != Version)
        {
            throw new InvalidDataException($"cache format {version}, this version reads {Version}");
        }

        var body = bytes.Length - HashLength;
        if (!SHA256.HashData(bytes.AsSpan(0, body)).AsSpan().SequenceEqual(bytes.AsSpan(body)))
        {
            throw new InvalidDataException("its checksum does not match (truncated or altered)");
        }

        try
        {
            using var input = new BinaryReader(new MemoryStream(bytes, Magic.Length + 4, body - Magic.Length - 4, writable: false), Encoding.UTF8);
            var key = input.ReadString();
            if (key != expectedKey)
            {
                throw new InvalidDataException("it holds another entry (its key differs)");
            }

            var documents = new List<DocumentFingerprint>();
            for (var count = input.Read7BitEncodedInt(); documents.Count < count;)
            {
                var location = new Uri(input.ReadString(), UriKind.Absolute);
                var hash = input.ReadBoolean() ? input.ReadBytes(HashLength) : null;
                documents.Add(new DocumentFingerprint(location, hash));
            }

            return new CacheEntry(key, documents, new DescriptionReader(input).Read());
        }
        catch (Exception e) when (e is EndOfStreamException or UriFormatException or FormatException or ArgumentException or InvalidCastException)
        {
            throw new InvalidDataException($"malformed: {e.Message}", e);
        }
    }
}
