using System.Text.RegularExpressions;
using SoapMiddleware.Docs.Tests.CodeBlocks;
using SoapMiddleware.Docs.Tests.Infrastructure;

namespace SoapMiddleware.Docs.Tests.Pages;

/// <summary>
/// The README is a short front page that links the docs/ pages; every link between them resolves (file and heading);
/// the pages say what the code does (packages, logging categories, worker states, the quick bench line) and never send a
/// reader to a path outside the clone.
/// </summary>
[Collection(DocsCollection.Name)]
public sealed partial class DocumentationPagesTests
{
    private static string Read(string document) => File.ReadAllText(Repository.PathOf(document));

    [Fact]
    public void Readme_IsAShortFrontPageWithTheTwoCommandsAndLinksToEveryPage()
    {
        var readme = Read("README.md");

        Assert.True(readme.Length < 10_000, $"README.md is {readme.Length} characters; the details belong in docs/");
        Assert.Contains("dotnet run --project sample-app", readme);
        Assert.Contains("./test.sh", readme);
        foreach (var page in MarkdownCodeBlocks.Documents.Where(d => d.StartsWith("docs/", StringComparison.Ordinal)))
        {
            Assert.Contains($"]({page})", readme);
        }
    }

    [Fact]
    public void Links_InReadmeAndDocs_PointToExistingFilesAndHeadings()
    {
        var broken = new List<string>();
        foreach (var document in MarkdownCodeBlocks.Documents)
        {
            foreach (Match link in RelativeLink().Matches(WithoutCode(Read(document))))
            {
                var target = link.Groups["path"].Value;
                var anchor = link.Groups["anchor"].Value;
                var file = target.Length == 0 ? document : Path.GetRelativePath(Repository.Root, Path.GetFullPath(Path.Combine(Repository.Root, Path.GetDirectoryName(document)!, target))).Replace('\\', '/');
                if (!File.Exists(Repository.PathOf(file)))
                {
                    broken.Add($"{document}: {link.Value} (no file {file})");
                }
                else if (anchor.Length > 0 && file.EndsWith(".md", StringComparison.Ordinal) && !Anchors(Read(file)).Contains(anchor))
                {
                    broken.Add($"{document}: {link.Value} (no heading #{anchor} in {file})");
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join('\n', broken));
    }

    [Fact]
    public void Documents_NeverSendAReaderOutsideTheClone()
    {
        foreach (var document in MarkdownCodeBlocks.Documents)
        {
            Assert.DoesNotContain("/work/", Read(document));
        }
    }

    [Fact]
    public void Readme_Packages_NamesEverySrcProject()
    {
        var readme = Read("README.md");
        var packages = readme[readme.IndexOf("## Packages", StringComparison.Ordinal)..];
        packages = packages[..packages.IndexOf("\n## ", 3, StringComparison.Ordinal)];

        foreach (var id in Repository.SourceProjects.Select(Path.GetFileNameWithoutExtension))
        {
            Assert.Contains($"`{id}`", packages);
        }
    }

    [Fact]
    public void Operations_LoggingCategories_ListEveryCategoryTheCodeLogsTo()
    {
        var operations = Read("docs/operations.md");
        var missing = new List<string>();
        var files = Directory.EnumerateFiles(Repository.PathOf("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal)).ToDictionary(f => f, File.ReadAllText);

        // ILogger<T>'s category is T's full name: T's namespace is the one of the file declaring it.
        var namespaces = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, text) in files)
        {
            var ns = FileNamespace().Match(text).Groups["ns"].Value;
            foreach (Match declared in DeclaredType().Matches(text))
            {
                namespaces.TryAdd(declared.Groups["type"].Value, ns);
            }
        }

        foreach (var (file, text) in files)
        {
            foreach (Match named in NamedCategory().Matches(text))
            {
                if (!operations.Contains($"`{named.Groups["name"].Value}`", StringComparison.Ordinal))
                {
                    missing.Add($"{named.Groups["name"].Value} ({Path.GetFileName(file)})");
                }
            }

            foreach (Match typed in TypedCategory().Matches(text))
            {
                var type = typed.Groups["type"].Value;
                var ns = namespaces.GetValueOrDefault(type, "?");
                if (!operations.Contains($"`{ns}.{type}`", StringComparison.Ordinal) && !operations.Contains($"`{ns}.*`", StringComparison.Ordinal))
                {
                    missing.Add($"{ns}.{type} ({Path.GetFileName(file)})");
                }
            }
        }

        Assert.True(missing.Count == 0, "Logging categories missing from docs/operations.md: " + string.Join(", ", missing.Distinct()));
    }

    [Fact]
    public void LocalFeedLines_AddTheSourceToTheAppsOwnConfigOnly()
    {
        // `dotnet nuget add source` without --configfile edits the user-wide NuGet.Config.
        var lines = MarkdownCodeBlocks.All().Where(b => b.IsShell).SelectMany(b => b.Code.Split('\n'))
            .Where(l => l.StartsWith("dotnet nuget add source", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Contains("--configfile nuget.config", l));
        Assert.Contains(MarkdownCodeBlocks.All(), b => b.IsShell && b.Code.StartsWith("dotnet new nugetconfig", StringComparison.Ordinal));
    }

    [Fact]
    public void Documents_WorkerStates_AreTheApisNames()
    {
        // WorkerState is Idle, Processing, Stopped or Dead; "Busy" was the README's word for Processing.
        Assert.Equal(["Idle", "Processing", "Stopped", "Dead"], Enum.GetNames<SoapMiddleware.Queue.WorkerState>());
        foreach (var document in MarkdownCodeBlocks.Documents)
        {
            Assert.DoesNotContain("Busy", Read(document));
        }
    }

    [Fact]
    public void Benchmarks_QuickLine_IsTheOneRunShDocuments()
    {
        var quick = QuickBench().Match(File.ReadAllText(Repository.PathOf("bench", "run.sh"))).Groups["line"].Value.Trim();

        Assert.Contains("BENCH_WARMUP=1", quick);
        Assert.Contains($"`{quick}`", Read("docs/benchmarks.md"));
    }

    // GitHub's heading anchors: lower case, punctuation dropped except '-' and '_', spaces to '-'.
    private static HashSet<string> Anchors(string markdown) =>
        WithoutCode(markdown).Split('\n').Where(l => l.StartsWith('#'))
            .Select(l => AnchorDrop().Replace(l.TrimStart('#').Trim().ToLowerInvariant(), "").Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    private static string WithoutCode(string markdown) => Fenced().Replace(markdown, "");

    [GeneratedRegex(@"\]\((?<path>(?!https?:|mailto:)[^)#\s]*)(?:#(?<anchor>[^)\s]+))?\)")]
    private static partial Regex RelativeLink();

    [GeneratedRegex(@"(?ms)^ *```.*?^ *```")]
    private static partial Regex Fenced();

    [GeneratedRegex(@"[^a-z0-9 _-]")]
    private static partial Regex AnchorDrop();

    [GeneratedRegex(@"(?:CreateLogger\(|LoggerCategory = )""(?<name>[A-Za-z0-9_.]+)""")]
    private static partial Regex NamedCategory();

    [GeneratedRegex(@"ILogger<(?<type>[A-Za-z0-9_]+)>")]
    private static partial Regex TypedCategory();

    [GeneratedRegex(@"\b(?:class|record|struct)\s+(?<type>[A-Za-z0-9_]+)")]
    private static partial Regex DeclaredType();

    [GeneratedRegex(@"(?m)^namespace\s+(?<ns>[A-Za-z0-9_.]+)\s*;")]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"(?m)^# Quick run: (?<line>.+)$")]
    private static partial Regex QuickBench();
}
