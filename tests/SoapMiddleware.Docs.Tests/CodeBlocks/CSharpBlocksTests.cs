using SoapMiddleware.Docs.Tests.Infrastructure;

namespace SoapMiddleware.Docs.Tests.CodeBlocks;

/// <summary>
/// Every <c>```csharp</c> block of README.md and docs/*.md compiles against the src projects.
/// </summary>
/// <remarks>
/// <para>Marker vocabulary: an HTML comment alone on the line right before the opening fence.</para>
/// <list type="bullet">
/// <item>no marker: a complete <c>Program.cs</c> of a <c>dotnet new web</c> project, built in a project of its own exactly
/// as written (its own usings and types, <c>app.Run()</c>);</item>
/// <item><c>&lt;!-- fragment: statements --&gt;</c>: statements, wrapped in an async method;</item>
/// <item><c>&lt;!-- fragment: members --&gt;</c>: class members, wrapped in a class;</item>
/// <item><c>&lt;!-- fragment: types --&gt;</c>: type declarations (and usings), in a namespace of their own;</item>
/// <item><c>&lt;!-- fragment --&gt;</c>: types when the block declares a type at its top level, else statements.</item>
/// </list>
/// <para>A fragment compiles with only what a reader's <c>dotnet new web</c> app has: the web SDK's implicit usings and
/// the usings the fragment shows (a statements fragment may start with them), nothing of src imported for it. Fragments
/// share one project, which references the src projects and the sample app's packages and declares the ambient names of
/// <c>Ambient.cs.txt</c> (<c>builder</c>, <c>app</c>, <c>queue</c>, <c>cs</c>, <c>connection</c>, <c>transaction</c>,
/// <c>ctx</c>, <c>services</c>, <c>cancellationToken</c>, and the types <c>CalculatorService</c>, <c>AuditService</c>,
/// <c>TimingWrapper</c>). A comment that does not start with <c>fragment</c> is not a marker of this test.</para>
/// </remarks>
[Collection(DocsCollection.Name)]
public sealed class CSharpBlocksTests
{
    [Fact]
    public void Parse_IndentedFenceAfterMarker_ReadsMarkerLanguageAndUnindentedCode()
    {
        const string markdown = "- item\n  <!-- fragment: statements -->\n  ```csharp\n  var x = 1;\n    x++;\n  ```\ntext\n";

        var block = Assert.Single(MarkdownCodeBlocks.Parse("doc.md", markdown));

        Assert.Equal("csharp", block.Language);
        Assert.Equal("fragment: statements", block.Marker);
        Assert.Equal("var x = 1;\n  x++;\n", block.Code);
        Assert.Equal(4, block.Line);
        Assert.Equal(SnippetKind.Statements, SnippetKinds.Parse(block));
    }

    [Fact]
    public void Parse_UnknownFragmentMarker_ThrowsNamingTheVocabulary()
    {
        var block = MarkdownCodeBlocks.Parse("doc.md", "<!-- fragment: snippet -->\n```csharp\nx();\n```\n").Single();

        var error = Assert.Throws<InvalidOperationException>(() => SnippetKinds.Parse(block));

        Assert.Contains("doc.md:3", error.Message);
        Assert.Contains("fragment: statements", error.Message);
    }

    [Theory]
    [InlineData("builder.Services.AddRpc();\nvar app = builder.Build();\n", SnippetKind.Statements)]
    [InlineData("using SoapMiddleware;\n\n[RpcService]\npublic sealed class S { }\n", SnippetKind.Types)]
    [InlineData("using SoapMiddleware;\n\nbuilder.Services.AddRpc();\n", SnippetKind.Statements)]
    [InlineData("public record Order(int Id);\n", SnippetKind.Types)]
    public void Parse_BareFragmentMarker_GuessesTypesOrStatements(string code, SnippetKind expected)
    {
        var block = MarkdownCodeBlocks.Parse("doc.md", $"<!-- fragment -->\n```csharp\n{code}```\n").Single();

        Assert.Equal(expected, SnippetKinds.Parse(block));
    }

    [Fact]
    public void Wrap_StatementsStartingWithUsings_UsingsAboveTheWrapperWithTheirDocumentLines()
    {
        var block = MarkdownCodeBlocks.Parse("doc.md", "<!-- fragment: statements -->\n```csharp\nusing Hangfire;\nusing SoapMiddleware;\n\nbuilder.Services.AddRpc();\n```\n").Single();

        var source = SnippetProjects.Wrap(block, SnippetKinds.Parse(block), "Block_doc_3");

        Assert.StartsWith("#line 3 \"doc.md\"\nusing Hangfire;\nusing SoapMiddleware;\n#line default\nnamespace DocsBlocks;", source);
        Assert.Contains("#line 6 \"doc.md\"\nbuilder.Services.AddRpc();\n", source);
        Assert.Equal(2, source.Split("using ").Length - 1);
    }

    [Fact]
    public void Parse_CommentThatIsNotAFragmentMarker_IsAProgram()
    {
        var block = MarkdownCodeBlocks.Parse("doc.md", "<!-- see below -->\n```cs\napp.Run();\n```\n").Single();

        Assert.True(block.IsCSharp);
        Assert.Equal(SnippetKind.Program, SnippetKinds.Parse(block));
    }

    [Fact]
    public void Readme_Quickstart_IsACompleteProgramWithUsingsAndRun()
    {
        var quickstart = MarkdownCodeBlocks.All().First(b => b.File == "README.md" && b.IsCSharp);

        Assert.Equal(SnippetKind.Program, SnippetKinds.Parse(quickstart));
        Assert.Contains("using SoapMiddleware;", quickstart.Code);
        Assert.Contains("WebApplication.CreateBuilder(args)", quickstart.Code);
        Assert.Contains("app.Run()", quickstart.Code);
    }

    [Fact]
    public void Readme_Quickstart_MapsAnEndpoint_AndTheReadmeShowsRequireAuthorization()
    {
        // An ASP.NET Core user protects an endpoint with .RequireAuthorization(): the quickstart maps one (MapRpc), not
        // middleware (UseRpc) that no endpoint policy reaches, and the README shows the protected form in compiled code.
        var readme = MarkdownCodeBlocks.All().Where(b => b.File == "README.md" && b.IsCSharp).ToArray();

        Assert.Contains("app.MapRpc(\"/soap/calculator\");", readme[0].Code);
        Assert.DoesNotContain("app.UseRpc(", readme[0].Code);
        Assert.Contains(readme, b => b.Code.Contains("app.MapRpc(\"/soap/calculator\").RequireAuthorization(", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CSharpBlocks_InReadmeAndDocs_Build()
    {
        var blocks = MarkdownCodeBlocks.All().Where(b => b.IsCSharp).ToArray();
        Assert.NotEmpty(blocks);
        using var temp = new TempDirectory("snippets");
        var projects = new List<string>();
        var fragments = blocks.Where(b => SnippetKinds.Parse(b) != SnippetKind.Program).ToArray();
        if (fragments.Length > 0)
        {
            projects.Add(SnippetProjects.WriteFragments(temp.Combine("fragments"), fragments));
        }

        foreach (var program in blocks.Where(b => SnippetKinds.Parse(b) == SnippetKind.Program))
        {
            projects.Add(SnippetProjects.WriteProgram(temp.Combine($"program-{Path.GetFileNameWithoutExtension(program.File)}-{program.Line}"), program));
        }

        var build = await SnippetProjects.BuildAsync(temp.Path, projects);

        // The #line directives make every error read "README.md(217,5): error CS...".
        var errors = build.Output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct();
        Assert.True(build.ExitCode == 0, $"Documentation blocks that do not compile (markers: {SnippetKinds.Vocabulary}):\n{string.Join('\n', errors)}\n\n{build.Output}");
    }
}
