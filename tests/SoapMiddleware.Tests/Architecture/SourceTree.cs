namespace SoapMiddleware.Tests.Architecture;

/// <summary>The repository's source files, found upwards from the test binaries; build output (bin, obj) left out.</summary>
internal static class SourceTree
{
    /// <summary>The folder holding <c>SoapMiddleware.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The files under <paramref name="relativeFolder"/> matching <paramref name="pattern"/>, as paths relative to <see cref="Root"/>.</summary>
    public static IEnumerable<string> Files(string relativeFolder, string pattern)
    {
        var folder = Path.Combine(Root, relativeFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>The text of a file relative to <see cref="Root"/>.</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SoapMiddleware.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"SoapMiddleware.sln not found above {AppContext.BaseDirectory}.");
    }
}
