namespace SoapMiddleware.Docs.Tests.CodeBlocks;

/// <summary>
/// One fenced code block of a Markdown file.
/// </summary>
/// <param name="File">The Markdown file, relative to the repository root (<c>README.md</c>, <c>docs/surface.md</c>).</param>
/// <param name="Line">The 1-based line of the block's first code line, so a compiler error points at the document.</param>
/// <param name="Language">The info string's first word, lower case (<c>csharp</c>, <c>sh</c>, or empty).</param>
/// <param name="Marker">The text of an HTML comment on the line right before the fence (<c>fragment: statements</c>), or null.</param>
/// <param name="Code">The block's lines with the fence's indentation removed.</param>
public sealed record MarkdownCodeBlock(string File, int Line, string Language, string? Marker, string Code)
{
    /// <summary>Where the block is, as <c>README.md:42</c>.</summary>
    public string Location => $"{File}:{Line}";

    /// <summary>True for <c>csharp</c>, <c>cs</c> and <c>c#</c> blocks.</summary>
    public bool IsCSharp => Language is "csharp" or "cs" or "c#";

    /// <summary>True for <c>sh</c>, <c>bash</c>, <c>shell</c> and <c>console</c> blocks.</summary>
    public bool IsShell => Language is "sh" or "bash" or "shell" or "console";
}
