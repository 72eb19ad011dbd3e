using SoapMiddleware.Docs.Tests.Infrastructure;

namespace SoapMiddleware.Docs.Tests.Packaging;

/// <summary>
/// Packages are 0.x prereleases whose version moves with every commit (<c>0.1.0-dev.&lt;commits&gt;</c>, from git by
/// Directory.Build.targets), so a package cached in ~/.nuget/packages never stands in for a newer build; a version
/// passed on the command line (a release) wins.
/// </summary>
[Collection(DocsCollection.Name)]
public sealed class VersionTests
{
    [Fact]
    public async Task PackageVersion_FromAClone_IsADevPrereleaseOfTheCommitHeight()
    {
        var height = await Command.RunAsync("git", ["rev-list", "--count", "HEAD"], Repository.Root, TimeSpan.FromSeconds(30));
        Assert.True(height.ExitCode == 0, height.Output);

        var version = await PropertyAsync([]);

        Assert.Equal($"0.1.0-dev.{height.Output.Trim()}", version);
    }

    [Fact]
    public async Task PackageVersion_GivenOnTheCommandLine_Wins()
    {
        Assert.Equal("0.1.0", await PropertyAsync(["-p:Version=0.1.0"]));
    }

    [Fact]
    public void Changelog_HasTheCurrentVersionPrefix()
    {
        var changelog = File.ReadAllText(Repository.PathOf("CHANGELOG.md"));

        Assert.Contains("## 0.1.0 (unreleased)", changelog);
    }

    // Runs the version target alone (no build) and reads what pack would use.
    private static async Task<string> PropertyAsync(string[] extra)
    {
        var project = Repository.PathOf("src", "SoapMiddleware", "SoapMiddleware.csproj");
        var run = await Command.RunAsync(
            "dotnet",
            ["msbuild", project, "-t:SoapMwVersionFromGit", "-getProperty:PackageVersion", "-nologo", .. extra],
            Repository.Root,
            TimeSpan.FromMinutes(2));
        Assert.True(run.ExitCode == 0, run.Output);
        return run.Output.Trim();
    }
}
