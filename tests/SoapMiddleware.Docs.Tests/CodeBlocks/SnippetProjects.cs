using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SoapMiddleware.Docs.Tests.Infrastructure;

namespace SoapMiddleware.Docs.Tests.CodeBlocks;

/// <summary>
/// Writes the documentation's C# blocks into throwaway projects outside the repository (so nothing of the repository's
/// own build settings helps them) and builds them. Every project references the src projects; it uses their outputs of
/// this test run's configuration (<c>BuildProjectReferences=false</c>) instead of rebuilding them while other tests run.
/// </summary>
public static partial class SnippetProjects
{
    /// <summary>
    /// Writes one project holding every fragment: each block in a file of its own, wrapped as its marker says, with
    /// <c>#line</c> directives so a compiler error names the document and line. Fragments see the SDK's implicit usings,
    /// every public namespace of src, the sample app's packages and the names in <c>Ambient.cs.txt</c>.
    /// </summary>
    public static string WriteFragments(string directory, IReadOnlyList<MarkdownCodeBlock> fragments)
    {
        Directory.CreateDirectory(directory);
        var project = Path.Combine(directory, "DocsFragments.csproj");
        File.WriteAllText(project, ProjectFile(outputType: "Library", SamplePackageReferences()));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "CodeBlocks", "Ambient.cs.txt"), Path.Combine(directory, "Ambient.cs"));
        File.WriteAllText(Path.Combine(directory, "GlobalUsings.cs"), string.Concat(FragmentNamespaces().Select(n => $"global using {n};\n")));
        foreach (var block in fragments)
        {
            var name = ClassName(block);
            File.WriteAllText(Path.Combine(directory, name + ".cs"), Wrap(block, SnippetKinds.Parse(block), name));
        }

        return project;
    }

    /// <summary>
    /// Writes a <c>dotnet new web</c>-shaped project whose <c>Program.cs</c> is the block itself, with nothing added
    /// but a <c>#line</c> directive: what a reader pastes must compile as it stands.
    /// </summary>
    public static string WriteProgram(string directory, MarkdownCodeBlock block)
    {
        Directory.CreateDirectory(directory);
        var project = Path.Combine(directory, "DocsProgram.csproj");
        File.WriteAllText(project, ProjectFile(outputType: "Exe", []));
        File.WriteAllText(Path.Combine(directory, "Program.cs"), $"#line {block.Line} \"{block.File}\"\n{block.Code}");
        return project;
    }

    /// <summary>
    /// Restores and builds the generated projects in this run's configuration with one <c>dotnet build</c> of a
    /// generated solution (one restore, one evaluation of src, the projects in parallel); returns the build's output.
    /// </summary>
    public static Task<ProcessResult> BuildAsync(string directory, IEnumerable<string> projects)
    {
        var solution = Path.Combine(directory, "Docs.slnx");
        new XElement("Solution", projects.Select(p => new XElement("Project", new XAttribute("Path", Path.GetRelativePath(directory, p))))).Save(solution);

        // A solution build resets the configuration of referenced projects outside the solution (src) to their
        // default, Debug; keeping it makes the references resolve to the outputs this test run built.
        return Command.RunAsync(
            "dotnet",
            ["build", solution, "-c", Repository.Configuration, "-p:BuildProjectReferences=false", "-p:ShouldUnsetParentConfigurationAndPlatform=false", "-nodeReuse:false", "-clp:NoSummary"],
            directory,
            TimeSpan.FromMinutes(5));
    }

    /// <summary>The source file a fragment becomes.</summary>
    public static string Wrap(MarkdownCodeBlock block, SnippetKind kind, string className)
    {
        var code = $"#line {block.Line} \"{block.File}\"\n{block.Code}#line default\n";
        return kind switch
        {
            SnippetKind.Statements =>
                $"namespace DocsBlocks;\n\ninternal sealed class {className} : DocsAmbient\n{{\n    internal static async Task RunAsync()\n    {{\n{code}        await Task.CompletedTask;\n    }}\n}}\n",
            SnippetKind.Members => $"namespace DocsBlocks;\n\ninternal sealed class {className} : DocsAmbient\n{{\n{code}}}\n",
            SnippetKind.Types => $"namespace DocsBlocks.{className};\n\n{code}",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A complete program gets a project of its own."),
        };
    }

    private static string ClassName(MarkdownCodeBlock block) =>
        "Block_" + NonIdentifier().Replace(Path.GetFileNameWithoutExtension(block.File), "_") + "_" + block.Line;

    private static string ProjectFile(string outputType, IEnumerable<XElement> packages)
    {
        var project = new XElement("Project",
            new XAttribute("Sdk", "Microsoft.NET.Sdk.Web"),
            new XElement("PropertyGroup",
                new XElement("TargetFramework", "net10.0"),
                new XElement("OutputType", outputType),
                new XElement("Nullable", "enable"),
                new XElement("ImplicitUsings", "enable"),
                new XElement("NuGetAudit", "false")),
            new XElement("ItemGroup",
                Repository.SourceProjects.Select(p => new XElement("ProjectReference", new XAttribute("Include", p))),
                packages));
        return project.ToString();
    }

    // The sample app's packages (Hangfire storages, ...): the README's Hangfire fragments call their APIs.
    private static IEnumerable<XElement> SamplePackageReferences() =>
        XDocument.Load(Repository.PathOf("sample-app", "SampleApp.csproj")).Descendants("PackageReference")
            .Select(p => new XElement("PackageReference", new XAttribute("Include", (string)p.Attribute("Include")!), new XAttribute("Version", (string)p.Attribute("Version")!)));

    // Every namespace of src that declares a public type, plus the namespaces the sample app imports from the same
    // packages (a README section about a package the sample uses then needs no marker for its usings). A namespace with
    // only internal types would not resolve, so the scan looks at the declarations, not at the folders.
    private static IEnumerable<string> FragmentNamespaces()
    {
        var namespaces = new SortedSet<string>(StringComparer.Ordinal) { "Npgsql" };
        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("sample-app"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains("/obj/", StringComparison.Ordinal) || file.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match import in UsingDirective().Matches(File.ReadAllText(file)))
            {
                if (!import.Groups[1].Value.StartsWith("SampleApp", StringComparison.Ordinal))
                {
                    namespaces.Add(import.Groups[1].Value);
                }
            }
        }

        foreach (var file in Directory.EnumerateFiles(Repository.PathOf("src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains("/obj/", StringComparison.Ordinal) || file.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            if (PublicType().IsMatch(text) && FileScopedNamespace().Match(text) is { Success: true } ns)
            {
                namespaces.Add(ns.Groups[1].Value);
            }
        }

        return namespaces;
    }

    [GeneratedRegex(@"[^A-Za-z0-9_]")]
    private static partial Regex NonIdentifier();

    [GeneratedRegex(@"(?m)^public\s+(?:(?:sealed|static|abstract|partial|readonly|ref)\s+)*(?:class|interface|record|struct|enum|delegate)\b")]
    private static partial Regex PublicType();

    [GeneratedRegex(@"(?m)^using\s+([A-Za-z0-9_.]+)\s*;")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"(?m)^namespace\s+([A-Za-z0-9_.]+)\s*;")]
    private static partial Regex FileScopedNamespace();
}
