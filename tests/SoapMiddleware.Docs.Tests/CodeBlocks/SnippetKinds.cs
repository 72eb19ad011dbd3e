using System.Text.RegularExpressions;

namespace SoapMiddleware.Docs.Tests.CodeBlocks;

/// <summary>Reads a block's marker into a <see cref="SnippetKind"/>.</summary>
public static partial class SnippetKinds
{
    /// <summary>The marker vocabulary, as written in the documents.</summary>
    public const string Vocabulary =
        "<!-- fragment: statements -->, <!-- fragment: members -->, <!-- fragment: types -->, <!-- fragment --> (types when it declares a type at its top level, else statements), or no marker for a complete Program.cs; a fragment shows the usings it needs beyond the web template's implicit ones";

    /// <summary>
    /// The kind a marker names. Comments that do not start with <c>fragment</c> are not markers of this test (other
    /// tools may put their own comments before a block), so such a block is a complete program; a misspelled
    /// <c>fragment</c> marker fails instead of silently compiling as something else.
    /// </summary>
    public static SnippetKind Parse(MarkdownCodeBlock block)
    {
        var marker = block.Marker;
        if (marker is null || !marker.StartsWith("fragment", StringComparison.Ordinal))
        {
            return SnippetKind.Program;
        }

        var kind = marker["fragment".Length..].TrimStart(':', ' ').Trim();
        return kind switch
        {
            "statements" => SnippetKind.Statements,
            "members" => SnippetKind.Members,
            "types" => SnippetKind.Types,
            "" => Guess(block.Code),
            _ => throw new InvalidOperationException($"{block.Location}: unknown marker '<!--{marker}-->'; use {Vocabulary}."),
        };
    }

    // A bare <!-- fragment --> is types when it declares a type at its top level, else statements (which may start
    // with the usings they need): the two shapes a README fragment takes.
    private static SnippetKind Guess(string code) => TopLevelTypeOrUsing().IsMatch(code) ? SnippetKind.Types : SnippetKind.Statements;

    [GeneratedRegex(@"(?m)^(?:(?:\[.*\]\s*)?(?:(?:public|internal|sealed|static|abstract|partial|file|readonly)\s+)*(?:class|record|interface|struct|enum)\s+\w)")]
    private static partial Regex TopLevelTypeOrUsing();
}
