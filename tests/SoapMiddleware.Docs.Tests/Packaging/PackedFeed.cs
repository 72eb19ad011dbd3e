using System.Xml.Linq;
using SoapMiddleware.Docs.Tests.Infrastructure;

namespace SoapMiddleware.Docs.Tests.Packaging;

/// <summary>
/// Packs every src project once (from this test run's build outputs, <c>--no-build</c>) into a local folder feed.
/// The version is unique per run, so no package of an earlier run, cached anywhere, can stand in for these.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    private readonly TempDirectory _folder = new("feed");

    /// <summary>The folder holding the .nupkg and .snupkg files.</summary>
    public string Path => _folder.Path;

    /// <summary>The version every package got.</summary>
    public string Version { get; } = $"1.0.0-docs.{DateTime.UtcNow:yyyyMMddHHmmss}.{Random.Shared.Next(1000, 9999)}";

    /// <summary>The package ids: one per src project, named after it.</summary>
    public IReadOnlyList<string> PackageIds { get; } =
        Repository.SourceProjects.Select(p => System.IO.Path.GetFileNameWithoutExtension(p)).ToArray();

    /// <summary>
    /// The ids of the library packages: every package but the dotnet tools (<c>PackAsTool</c>), which an app installs
    /// with <c>dotnet tool install</c> and cannot reference (NU1212).
    /// </summary>
    public IReadOnlyList<string> LibraryPackageIds { get; } =
        Repository.SourceProjects.Where(p => !File.ReadAllText(p).Contains("<PackAsTool>true</PackAsTool>", StringComparison.Ordinal))
            .Select(p => System.IO.Path.GetFileNameWithoutExtension(p)).ToArray();

    /// <summary>The output of the pack commands (for failure messages).</summary>
    public string Output { get; private set; } = "";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        // One pack of a solution listing the src projects: one MSBuild start instead of one per package.
        var solution = _folder.Combine("src.slnx");
        new XElement("Solution", Repository.SourceProjects.Select(p => new XElement("Project", new XAttribute("Path", System.IO.Path.GetRelativePath(Path, p))))).Save(solution);
        var pack = await Command.RunAsync(
            "dotnet",
            ["pack", solution, "-c", Repository.Configuration, "--no-build", "-o", Path, $"-p:Version={Version}", "-nodeReuse:false"],
            Repository.Root,
            TimeSpan.FromMinutes(3));
        Output = pack.Output;
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack failed:\n{pack.Output}");
        }
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
