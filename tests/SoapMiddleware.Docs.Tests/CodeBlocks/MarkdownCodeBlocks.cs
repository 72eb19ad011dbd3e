using System.Text;
using System.Text.RegularExpressions;
using SoapMiddleware.Docs.Tests.Infrastructure;

namespace SoapMiddleware.Docs.Tests.CodeBlocks;

/// <summary>Reads the fenced code blocks of the repository's documentation (README.md and docs/*.md).</summary>
public static partial class MarkdownCodeBlocks
{
    /// <summary>The documents whose blocks are checked: README.md, then docs/*.md in name order.</summary>
    public static IReadOnlyList<string> Documents { get; } =
    [
        "README.md",
        .. Directory.Exists(Repository.PathOf("docs"))
            ? Directory.GetFiles(Repository.PathOf("docs"), "*.md", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(Repository.Root, p).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>(),
    ];

    /// <summary>Every fenced block of every document.</summary>
    public static IReadOnlyList<MarkdownCodeBlock> All() =>
        Documents.SelectMany(d => Parse(d, File.ReadAllText(Repository.PathOf(d)))).ToArray();

    /// <summary>
    /// The fenced blocks of one Markdown text. A fence is three or more backticks or tildes, indented up to the list
    /// item it belongs to; the closing fence is the same character, at least as long. The marker is an HTML comment
    /// alone on the line right before the opening fence.
    /// </summary>
    public static IReadOnlyList<MarkdownCodeBlock> Parse(string file, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<MarkdownCodeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var indent = open.Groups["indent"].Value.Length;
            var fence = open.Groups["fence"].Value;
            var language = open.Groups["info"].Value.Trim().Split(' ', 2)[0].ToLowerInvariant();
            var marker = i > 0 && Marker().Match(lines[i - 1]) is { Success: true } m ? m.Groups["text"].Value.Trim() : null;
            var code = new StringBuilder();
            var j = i + 1;
            for (; j < lines.Length; j++)
            {
                var close = Fence().Match(lines[j]);
                if (close.Success && close.Groups["info"].Value.Trim().Length == 0
                    && close.Groups["fence"].Value[0] == fence[0] && close.Groups["fence"].Value.Length >= fence.Length)
                {
                    break;
                }

                code.Append(StripIndent(lines[j], indent)).Append('\n');
            }

            blocks.Add(new MarkdownCodeBlock(file, i + 2, language, marker, code.ToString()));
            i = j;
        }

        return blocks;
    }

    // A code line inside an indented fence loses up to the fence's indentation (CommonMark's rule).
    private static string StripIndent(string line, int indent)
    {
        var n = 0;
        while (n < indent && n < line.Length && line[n] == ' ')
        {
            n++;
        }

        return line[n..];
    }

    [GeneratedRegex(@"^(?<indent> *)(?<fence>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--(?<text>.*)-->\s*$")]
    private static partial Regex Marker();
}
