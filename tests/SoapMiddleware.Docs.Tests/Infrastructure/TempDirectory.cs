namespace SoapMiddleware.Docs.Tests.Infrastructure;

/// <summary>A fresh folder under the system temp folder, deleted on dispose (a throwaway project, a package feed).</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates <c>soapmw-docs-{name}-{random}</c>.</summary>
    public TempDirectory(string name)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"soapmw-docs-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that has just been killed may still hold a file for a moment; the OS temp cleanup gets it later.
        }
    }
}
