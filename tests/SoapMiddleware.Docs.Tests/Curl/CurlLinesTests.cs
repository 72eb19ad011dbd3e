using SoapMiddleware.Docs.Tests.CodeBlocks;
using SoapMiddleware.Docs.Tests.Infrastructure;

namespace SoapMiddleware.Docs.Tests.Curl;

/// <summary>
/// Every <c>curl</c> line of the documentation's shell blocks, run as written against the sample app (started on a free
/// loopback port that replaces the documented 5000), answers the documented status and body.
/// </summary>
[Collection(DocsCollection.Name)]
public sealed class CurlLinesTests
{
    private const string DocumentedBase = "http://127.0.0.1:5000";

    [Fact]
    public void From_CommentOnTheLineOrAfter_ReadsStatusAndBodyAndSkipsProse()
    {
        const string markdown = "```sh\ncurl http://127.0.0.1:5000/a   # {\"x\":1}\ncurl -d '#1' http://127.0.0.1:5000/b\n# 400 {\"fault\":\n#   {}}\ndotnet run\ncurl http://127.0.0.1:5000/c   # the list\ncurl http://127.0.0.1:5000/d   # 409 (a conflict)\n```\n";

        var examples = CurlExamples.From(MarkdownCodeBlocks.Parse("doc.md", markdown));

        Assert.Collection(
            examples,
            a => Assert.Equal(("doc.md:2", "curl http://127.0.0.1:5000/a", (int?)null, "{\"x\":1}"), (a.Location, a.CommandLine, a.ExpectedStatus, a.ExpectedBody)),
            b => Assert.Equal(("doc.md:3", "curl -d '#1' http://127.0.0.1:5000/b", (int?)400, "{\"fault\": {}}"), (b.Location, b.CommandLine, b.ExpectedStatus, b.ExpectedBody)),
            c => Assert.Equal(("curl http://127.0.0.1:5000/c", (int?)null, (string?)null), (c.CommandLine, c.ExpectedStatus, c.ExpectedBody)),
            d => Assert.Equal(("curl http://127.0.0.1:5000/d", (int?)409, (string?)null), (d.CommandLine, d.ExpectedStatus, d.ExpectedBody)));
    }

    [Theory]
    [InlineData("{\"a\":1,\"b\":{\"c\":\"x-...\"}}", "{\"a\":1.0,\"z\":2,\"b\":{\"c\":\"x-123\"}}", true)]
    [InlineData("{\"a\":1}", "{\"a\":2}", false)]
    [InlineData("{\"a\":[1]}", "{\"a\":[1,2]}", false)]
    [InlineData("<r...><v>3</v>...</r>", "<r x=\"1\"><v>3</v></r>", true)]
    [InlineData("<r>...<v>3</v>...</r>", "<r><v>4</v></r>", false)]
    public void Mismatch_DocumentedAgainstActual_MatchesSubsetAndWildcards(string documented, string actual, bool matches)
    {
        Assert.Equal(matches, DocumentedBody.Mismatch(documented, actual) is null);
    }

    [Fact]
    public async Task CurlLines_InReadmeAndDocs_AnswerAsDocumented()
    {
        var examples = CurlExamples.From(MarkdownCodeBlocks.All());
        Assert.NotEmpty(examples);
        using var temp = new TempDirectory("curl");
        using var app = await WebProcess.StartAsync(
            Path.Combine(AppContext.BaseDirectory, "SampleApp.dll"),
            "/health",
            TimeSpan.FromSeconds(60),
            $"--Queue:ConnectionString={temp.Combine("queue.db")}",
            "--Logging:LogLevel:Default=Warning");
        var failures = new List<string>();
        foreach (var example in examples)
        {
            if (Check(example) is { } setup)
            {
                failures.Add(setup);
                continue;
            }

            var run = await RunAsync(example, app.BaseAddress);
            var (status, body) = Split(run.Output);
            if (run.ExitCode != 0 || status is null)
            {
                failures.Add($"{example.Location}: curl exited {run.ExitCode}: {run.Output}");
            }
            else if (example.ExpectedStatus is { } expected ? status != expected : status is < 200 or > 299)
            {
                failures.Add($"{example.Location}: status {status}, documented {example.ExpectedStatus?.ToString() ?? "2xx"}; body {body}");
            }
            else if (example.ExpectedBody is { } documented && DocumentedBody.Mismatch(documented, body) is { } mismatch)
            {
                failures.Add($"{example.Location}: {mismatch}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures) + "\napp output:\n" + app.Output);
    }

    // curl 7.88 reads ":5000/x" as a host named "" (that shorthand is HTTPie's): every line names the full address.
    private static string? Check(CurlExample example) =>
        example.CommandLine.Contains(DocumentedBase + "/", StringComparison.Ordinal)
            ? null
            : $"{example.Location}: a curl line must call {DocumentedBase}/... so it works when pasted: {example.CommandLine}";

    // The line runs in bash as written (its quoting and escapes are part of what is tested); only the port changes, and
    // -sS -w add the status after the body.
    private static Task<ProcessResult> RunAsync(CurlExample example, Uri baseAddress)
    {
        var line = example.CommandLine.Replace(DocumentedBase, baseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);
        line = "curl -sS -w '\\n%{http_code}' --max-time 20 " + line["curl ".Length..];
        return Command.RunAsync("bash", ["-c", line], Path.GetTempPath(), TimeSpan.FromSeconds(30));
    }

    // The last line is the status (-w); with -i the headers come first and end at the first empty line.
    private static (int? Status, string Body) Split(string output)
    {
        var text = output.TrimEnd('\n');
        var cut = text.LastIndexOf('\n');
        if (cut < 0 || !int.TryParse(text[(cut + 1)..], out var status))
        {
            return (null, output);
        }

        var body = text[..cut];
        if (body.StartsWith("HTTP/", StringComparison.Ordinal))
        {
            var end = body.ReplaceLineEndings("\n").IndexOf("\n\n", StringComparison.Ordinal);
            body = end < 0 ? "" : body.ReplaceLineEndings("\n")[(end + 2)..];
        }

        return (status, body);
    }
}
