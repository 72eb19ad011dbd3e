using System.Text.RegularExpressions;
using SoapMiddleware.Docs.Tests.CodeBlocks;

namespace SoapMiddleware.Docs.Tests.Curl;

/// <summary>
/// Reads the <c>curl</c> lines of the documentation's shell blocks. What a line answers is written as a comment: on the
/// same line after two or more spaces (<c>curl ...   # {"AddResult":3}</c>), or on the comment lines right after it
/// (<c># 400 {"fault":...}</c>); a leading three-digit number is the status, the rest the body when it starts like
/// one (<c>{</c>, <c>[</c> or <c>&lt;</c>). Other comments are prose and not checked.
/// </summary>
public static partial class CurlExamples
{
    /// <summary>The curl lines of the given blocks' shell blocks, in document order.</summary>
    public static IReadOnlyList<CurlExample> From(IEnumerable<MarkdownCodeBlock> blocks)
    {
        var examples = new List<CurlExample>();
        foreach (var block in blocks.Where(b => b.IsShell))
        {
            var lines = block.Code.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (!line.StartsWith("curl ", StringComparison.Ordinal))
                {
                    continue;
                }

                var command = line;
                string? expectation = null;
                if (TrailingComment().Match(line) is { Success: true } trailing)
                {
                    command = trailing.Groups["command"].Value;
                    expectation = trailing.Groups["comment"].Value;
                }
                else
                {
                    var following = lines.Skip(i + 1).TakeWhile(l => l.TrimStart().StartsWith('#')).Select(l => l.TrimStart()[1..].Trim()).ToArray();
                    expectation = following.Length > 0 ? string.Join(' ', following) : null;
                }

                var (status, body) = ParseExpectation(expectation);
                examples.Add(new CurlExample($"{block.File}:{block.Line + i}", command, status, body));
            }
        }

        return examples;
    }

    private static (int? Status, string? Body) ParseExpectation(string? expectation)
    {
        if (string.IsNullOrWhiteSpace(expectation))
        {
            return (null, null);
        }

        var match = StatusAndBody().Match(expectation.Trim());
        int? status = match.Success ? int.Parse(match.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var body = match.Success ? match.Groups["body"].Value.Trim() : expectation.Trim();
        return (status, IsBody(body) ? body : null);
    }

    // A documented body starts like one (JSON or XML); any other comment is prose for the reader, not checked.
    private static bool IsBody(string text) => text.StartsWith('{') || text.StartsWith('[') || text.StartsWith('<');

    // Two or more spaces before the '#': a '#' inside a URL or a quoted argument is never preceded by them here.
    [GeneratedRegex(@"^(?<command>curl .*?\S)\s{2,}#\s?(?<comment>.*)$")]
    private static partial Regex TrailingComment();

    [GeneratedRegex(@"^(?<status>[1-5][0-9]{2})(?:\s+(?<body>.*))?$")]
    private static partial Regex StatusAndBody();
}
