namespace SoapMiddleware.Docs.Tests.CodeBlocks;

/// <summary>Reads a block's marker into a <see cref="SnippetKind"/>.</summary>
public static class SnippetKinds
{
    /// <summary>The marker vocabulary, as written in the documents.</summary>
    public const string Vocabulary =
        "<!-- fragment: statements -->, <!-- fragment: members -->, <!-- fragment: types -->, or no marker for a complete Program.cs";

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
            _ => throw new InvalidOperationException($"{block.Location}: unknown marker '<!--{marker}-->'; use {Vocabulary}."),
        };
    }
}
