using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SoapMiddleware.Docs.Tests.Infrastructure;

namespace SoapMiddleware.Docs.Tests.CodeBlocks;

/// <summary>
/// Writes the documentation's C# blocks into throwaway projects outside the repository (so nothing of the repository's
/// own build settings helps them, and no using a reader would not write) and builds them. Every project references the src projects; it uses their outputs of
/// this test run's configuration (<c>BuildProjectReferences=false</c>) instead of rebuilding them while other tests run.
/// </summary>
public static partial class SnippetProjects
{
    /// <summary>
    /// Writes one project holding every fragment: each block in a file of its own, wrapped as its marker says, with
    /// <c>#line</c> directives so a compiler error names the document and line. A fragment sees what a reader's own
    /// <c>dotnet new web</c> app has: the web SDK's implicit usings and the usings the fragment itself shows (those of a
    /// statements or members fragment are moved above its wrapper), nothing of src imported for it; plus the ambient
    /// names of <c>Ambient.cs.txt</c> (<c>builder</c>, <c>app</c>, <c>CalculatorService</c>, ...) and the sample app's packages.
    /// </summary>
    public static string WriteFragments(string directory, IReadOnlyList<MarkdownCodeBlock> fragments)
    {
        Directory.CreateDirectory(directory);
        var project = Path.Combine(directory, "DocsFragments.csproj");
        File.WriteAllText(project, ProjectFile(outputType: "Library", SamplePackageReferences()));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "CodeBlocks", "Ambient.cs.txt"), Path.Combine(directory, "Ambient.cs"));
        foreach (var block in fragments)
        {
            var name = ClassName(block);
            File.WriteAllText(Path.Combine(directory, name + ".cs"), Wrap(block, SnippetKinds.Parse(block), name));
        }

        return project;
    }

    /// <summary>
    /// Writes a <c>dotnet new web</c>-shaped project whose <c>Program.cs</c> is the block itself, with nothing added
    /// but a <c>#line</c> directive: what a reader pastes must compile as it stands. It references the src projects and
    /// the packages the sample app uses (a program on Hangfire.InMemory names that package in its text).
    /// </summary>
    public static string WriteProgram(string directory, MarkdownCodeBlock block)
    {
        Directory.CreateDirectory(directory);
        // Named after its folder: a solution refuses two projects of one name.
        var project = Path.Combine(directory, "Docs" + NonIdentifier().Replace(Path.GetFileName(directory), "_") + ".csproj");
        File.WriteAllText(project, ProjectFile(outputType: "Exe", SamplePackageReferences()));
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

    /// <summary>
    /// The source file a fragment becomes. The using directives a statements or members fragment starts with stay at
    /// the top of the file (where C# wants them), with their own <c>#line</c>, and the rest goes into the wrapper.
    /// </summary>
    public static string Wrap(MarkdownCodeBlock block, SnippetKind kind, string className)
    {
        if (kind == SnippetKind.Types)
        {
            return $"namespace DocsBlocks.{className};\n\n#line {block.Line} \"{block.File}\"\n{block.Code}#line default\n";
        }

        var lines = block.Code.Split('\n');
        var head = 0;
        for (var i = 0; i < lines.Length && (LeadingUsing().IsMatch(lines[i]) || lines[i].Trim().Length == 0); i++)
        {
            head = LeadingUsing().IsMatch(lines[i]) ? i + 1 : head;
        }

        var usingLines = head;
        while (head > 0 && head < lines.Length - 1 && lines[head].Trim().Length == 0)
        {
            head++;
        }

        var usings = head == 0 ? "" : $"#line {block.Line} \"{block.File}\"\n{string.Join('\n', lines[..usingLines])}\n#line default\n";
        var code = $"#line {block.Line + head} \"{block.File}\"\n{string.Join('\n', lines[head..])}#line default\n";
        return kind switch
        {
            SnippetKind.Statements =>
                $"{usings}namespace DocsBlocks;\n\ninternal sealed class {className} : DocsAmbient\n{{\n    internal static async Task RunAsync()\n    {{\n{code}        await Task.CompletedTask;\n    }}\n}}\n",
            SnippetKind.Members => $"{usings}namespace DocsBlocks;\n\ninternal sealed class {className} : DocsAmbient\n{{\n{code}}}\n",
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

    [GeneratedRegex(@"[^A-Za-z0-9_]")]
    private static partial Regex NonIdentifier();

    [GeneratedRegex(@"^using\s+(?:static\s+)?[A-Za-z0-9_.=\s]+;\s*(?://.*)?$")]
    private static partial Regex LeadingUsing();
}
