using System.Text.RegularExpressions;

namespace SoapMiddleware.Tests.Architecture;

/// <summary>
/// Keeps the architecture docs/architecture.md draws: the description, protocols, interface documents and pipeline do
/// not know the server that composes them, and production assemblies meet through public API only.
/// </summary>
public sealed partial class StructureTests
{
    /// <summary>The folders that a client, with no server, must be able to use as they are.</summary>
    private static readonly string[] ServerFreeFolders = ["Protocols", "Interface", "Pipeline", "Model", "Description"];

    [Fact]
    public void ServerFreeFolders_DoNotReferenceRpcApplication()
    {
        var files = ServerFreeFolders.SelectMany(folder => SourceTree.Files($"src/SoapMiddleware/{folder}", "*.cs")).ToList();

        var offenders = files.Where(file => RpcApplicationName().IsMatch(SourceTree.Read(file))).ToList();

        Assert.Contains("src/SoapMiddleware/Pipeline/RpcPipeline.cs", files);
        Assert.Empty(offenders);
    }

    [Fact]
    public void ProductionAssemblies_ShowInternalsOnlyToTestsAndBenchmarks()
    {
        var friends = ProductionFriends().ToList();

        // No exceptions (issue 17, part 2): every package builds against the others' public API, as Hangfire.SqlServer does.
        var unexpected = friends.Where(f => !IsTestOrBench(f.To)).Select(f => $"{f.From} -> {f.To}").ToList();

        Assert.Contains(friends, f => f.To == "SoapMiddleware.Tests");
        Assert.Empty(unexpected);
    }

    /// <summary>
    /// The CSV protocol of SoapMiddleware.MessagePack.Tests proves a protocol can be written on public API alone (it
    /// serves calls over Kestrel there): that holds only while the core shows that project no internals.
    /// </summary>
    [Fact]
    public void PublicApiProtocolProject_SeesNoCoreInternals()
    {
        var friends = ProductionFriends().Where(f => f.From == "SoapMiddleware").Select(f => f.To).ToList();

        Assert.Contains("SoapMiddleware.Tests", friends);
        Assert.DoesNotContain("SoapMiddleware.MessagePack.Tests", friends);
        Assert.True(File.Exists(Path.Combine(SourceTree.Root, "tests/SoapMiddleware.MessagePack.Tests/Csv/CsvProtocol.cs")));
    }

    /// <summary>
    /// The in-memory storage of SoapMiddleware.Queue.InMemory.Tests proves a queue storage can be written on public API
    /// alone (the engine contract runs on it over Kestrel there): that holds only while neither the queue nor the core
    /// shows that project internals.
    /// </summary>
    [Fact]
    public void PublicApiQueueStorageProject_SeesNoQueueInternals()
    {
        var friends = ProductionFriends().ToList();

        Assert.Contains(friends, f => f.From == "SoapMiddleware.Queue" && f.To == "SoapMiddleware.Queue.Tests");
        Assert.DoesNotContain(friends, f => f.To == "SoapMiddleware.Queue.InMemory.Tests");
        Assert.True(File.Exists(Path.Combine(SourceTree.Root, "tests/SoapMiddleware.Queue.InMemory.Tests/InMemoryQueueStorage.cs")));
    }

    /// <summary>Every <c>InternalsVisibleTo</c> of every src project, in its csproj or in an attribute in its code.</summary>
    private static IEnumerable<(string From, string To)> ProductionFriends()
    {
        foreach (var project in SourceTree.Files("src", "*.csproj"))
        {
            var from = Path.GetFileNameWithoutExtension(project);
            var texts = SourceTree.Files(Path.GetDirectoryName(project)!, "*.cs").Select(SourceTree.Read).Prepend(SourceTree.Read(project));
            foreach (var text in texts)
            {
                foreach (Match match in FriendName().Matches(text))
                {
                    yield return (from, match.Groups["name"].Value.Split(',')[0].Trim());
                }
            }
        }
    }

    /// <summary>A test project (tests/&lt;name&gt;) or a benchmark (bench/&lt;name&gt;) of this repository.</summary>
    private static bool IsTestOrBench(string assembly)
        => assembly.EndsWith(".Tests", StringComparison.Ordinal)
            && Directory.Exists(Path.Combine(SourceTree.Root, "tests", assembly))
            || Directory.Exists(Path.Combine(SourceTree.Root, "bench", assembly));

    [GeneratedRegex(@"\bRpcApplication\b")]
    private static partial Regex RpcApplicationName();

    [GeneratedRegex(@"InternalsVisibleTo(?:\s+Include=""|\(\s*"")(?<name>[^""]+)""")]
    private static partial Regex FriendName();
}
