using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace SoapMiddleware.Client.Wsdl.Caching;

/// <summary>
/// The entries on disk: <c>{root}/{user}/{hash of key}.wsdlc</c>, the user's folder owner-only (0700), each file written
/// to a temporary name (0600) and renamed over the entry, so a reader sees a whole file or none. Whatever it cannot
/// use (a folder or file another user owns, a corrupt or foreign file, a folder it cannot write) is logged and
/// skipped; it never fails an import and never deletes a file it did not write.
/// </summary>
internal sealed class DiskEntries
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _root;
    private readonly ILogger _logger;
    private readonly Lazy<string?> _folder;

    public DiskEntries(string root, ILogger logger)
    {
        _root = Path.GetFullPath(root);
        _logger = logger;
        _folder = new Lazy<string?>(Prepare);
    }

    /// <summary>This user's folder of entries; null when it cannot be used (logged once).</summary>
    public string? Folder => _folder.Value;

    public CacheEntry? Read(string key)
    {
        if (Folder is not { } folder)
        {
            return null;
        }

        var file = FileOf(folder, key);
        try
        {
            if (!File.Exists(file))
            {
                return null;
            }

            if (!IsOurs(file))
            {
                WsdlCacheLog.NotOwned(_logger, file);
                return null;
            }

            return EntryFormat.Read(File.ReadAllBytes(file), key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            WsdlCacheLog.Unreadable(_logger, file, e.Message);
            return null;
        }
    }

    public void Write(CacheEntry entry)
    {
        if (Folder is not { } folder)
        {
            return;
        }

        var file = FileOf(folder, entry.Key);
        var temporary = $"{file}.{Guid.NewGuid():N}.tmp";
        try
        {
            var bytes = EntryFormat.Write(entry);
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = OwnerOnlyFile;
            }

            using (var stream = new FileStream(temporary, create))
            {
                stream.Write(bytes);
            }

            // Replace only an entry of ours (a damaged or older one); a file of another user or program stays as it is.
            if (File.Exists(file) && !(IsOurs(file) && EntryFormat.HasHeader(file)))
            {
                WsdlCacheLog.NotWritten(_logger, file, "a file this cache did not write is in the way; it is left alone");
                File.Delete(temporary);
                return;
            }

            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            WsdlCacheLog.NotWritten(_logger, file, e.Message);
            TryDelete(temporary);
        }
    }

    private static string FileOf(string folder, string key) =>
        Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 20)) + ".wsdlc");

    private string? Prepare()
    {
        var folder = Path.Combine(_root, UserFolderName());
        try
        {
            if (OperatingSystem.IsWindows())
            {
                // The default folder is under the user's profile, which Windows' ACLs keep to that user.
                Directory.CreateDirectory(folder);
                return folder;
            }

            if (!Directory.Exists(_root))
            {
                Directory.CreateDirectory(_root, OwnerOnlyFolder);
            }

            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder, OwnerOnlyFolder);
            }

            if (new DirectoryInfo(folder).LinkTarget is not null)
            {
                WsdlCacheLog.FolderUnusable(_logger, folder, "it is a symbolic link");
                return null;
            }

            // chmod succeeds only for the folder's owner: a folder another user made under our name is refused here,
            // and one of ours left with a wider mode is narrowed.
            File.SetUnixFileMode(folder, OwnerOnlyFolder);
            return folder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WsdlCacheLog.FolderUnusable(_logger, folder, e.Message);
            return null;
        }
    }

    // Only the owner (or root) may chmod a file, so setting the mode it already has is the portable owner check.
    private static bool IsOurs(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        if (new FileInfo(file).LinkTarget is not null)
        {
            return false;
        }

        try
        {
            File.SetUnixFileMode(file, OwnerOnlyFile);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string UserFolderName()
    {
        var name = new StringBuilder("user-");
        foreach (var c in Environment.UserName)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }

        return name.ToString();
    }

    private void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WsdlCacheLog.NotWritten(_logger, temporary, e.Message);
        }
    }
}
