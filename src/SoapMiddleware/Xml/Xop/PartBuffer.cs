namespace SoapMiddleware.Xml;

/// <summary>
/// The bytes of one MTOM part: in memory up to a threshold, then in a temporary file of its own (opened
/// <see cref="FileOptions.DeleteOnClose"/> and deleted again on <see cref="Dispose"/>), so a large attachment never sits
/// whole in memory. Written once, then read any number of times through <see cref="OpenRead"/>.
/// </summary>
internal sealed class PartBuffer(int memoryThreshold, string directory) : IDisposable
{
    private MemoryStream? _memory = new();
    private FileStream? _file;
    private string? _path;

    public long Length { get; private set; }

    /// <summary>Whether the part went to a temporary file.</summary>
    public bool OnDisk => _file is not null;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_file is null && _memory!.Length + bytes.Length > memoryThreshold)
        {
            Directory.CreateDirectory(directory);
            _path = Path.Combine(directory, "part-" + Guid.NewGuid().ToString("N") + ".bin");
            _file = new FileStream(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, 81920, FileOptions.DeleteOnClose);
            _memory.WriteTo(_file);
            _memory = null;
        }

        if (_file is not null)
        {
            _file.Write(bytes);
        }
        else
        {
            _memory!.Write(bytes);
        }

        Length += bytes.Length;
    }

    /// <summary>A read-only stream over the bytes, from the start; the caller disposes it.</summary>
    public Stream OpenRead()
    {
        if (_file is null)
        {
            return new MemoryStream(_memory!.GetBuffer(), 0, (int)_memory.Length, writable: false);
        }

        _file.Flush();
        return new FileStream(_path!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920);
    }

    /// <summary>The bytes as one array (a <c>byte[]</c> argument); a part on disk is read back whole.</summary>
    public byte[] ToArray()
    {
        if (Length > Array.MaxLength)
        {
            throw RpcFault.Client($"An MTOM part of {Length} bytes is too large for a byte[] argument; take a Stream.");
        }

        if (_file is null)
        {
            return _memory!.ToArray();
        }

        using var stream = OpenRead();
        var bytes = new byte[Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public void Dispose()
    {
        _memory = null;
        if (_file is not null)
        {
            _file.Dispose();
            _file = null;

            // DeleteOnClose deleted it; this is for a platform or a file system that did not.
            try
            {
                File.Delete(_path!);
            }
            catch (IOException)
            {
            }
        }
    }
}
