namespace SoapMiddleware.Client.Wsdl.Caching;

/// <summary>How much a <see cref="WsdlDescriptionCache"/> keeps in memory, and whether (and where) it keeps entries on disk.</summary>
public sealed class WsdlCacheOptions
{
    /// <summary>The most descriptions kept in memory; the least recently used is dropped first. Default 16; 0 keeps none.</summary>
    public int MaxMemoryEntries { get; set; } = 16;

    /// <summary>
    /// The folder to keep parsed descriptions in across processes; null (the default) keeps them in memory only. Each
    /// OS user writes in a subfolder of their own, created owner-only (0700); the folder itself, when this creates it,
    /// is owner-only too. <see cref="DefaultDirectory"/> is the user's own cache folder.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>
    /// The current user's cache folder for SoapMiddleware: <c>$XDG_CACHE_HOME/soapmw</c>, else <c>~/.cache/soapmw</c>
    /// on Linux, <c>~/Library/Caches/soapmw</c> on macOS, <c>%LOCALAPPDATA%\soapmw</c> on Windows.
    /// </summary>
    public static string DefaultDirectory
    {
        get
        {
            if (OperatingSystem.IsWindows())
            {
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "soapmw");
            }

            if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
            {
                return Path.Combine(xdg, "soapmw");
            }

            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return OperatingSystem.IsMacOS() ? Path.Combine(home, "Library", "Caches", "soapmw") : Path.Combine(home, ".cache", "soapmw");
        }
    }
}
