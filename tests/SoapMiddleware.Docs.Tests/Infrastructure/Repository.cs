using System.Reflection;

namespace SoapMiddleware.Docs.Tests.Infrastructure;

/// <summary>Where the repository is and how this test assembly was built, so generated projects match both.</summary>
public static class Repository
{
    /// <summary>The folder holding <c>SoapMiddleware.sln</c>, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The configuration this assembly was built in (<c>Release</c> under <c>./test.sh</c>). The src projects were built
    /// in the same one before the tests ran, so generated projects can use their outputs without rebuilding them.
    /// </summary>
    public static string Configuration { get; } =
        typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>The <c>.csproj</c> of every src project (one NuGet package each).</summary>
    public static IReadOnlyList<string> SourceProjects { get; } =
        Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The path of a file inside the repository.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

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
