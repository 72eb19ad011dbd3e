using Npgsql;
using SoapMiddleware.Docs.Tests.CodeBlocks;
using SoapMiddleware.Docs.Tests.Infrastructure;

namespace SoapMiddleware.Docs.Tests.ScaleOut;

/// <summary>
/// The scale-out recipe (docs/operations.md) works when pasted: its role and database commands run against the test
/// PostgreSQL, then <c>eng/scale-out-check.sh</c> runs the recipe as written (free loopback ports), on each engine, and
/// checks that the worker processes run the web process's calls and that no process logs a failure.
/// </summary>
[Collection(DocsCollection.Name)]
public sealed class ScaleOutRecipeTests
{
    private const string SkipReason = "SOAPMW_PG_CONNECTION not set: run ./test.sh, which starts a throwaway PostgreSQL";

    [Fact]
    public void Recipe_InDocs_BuildsOnceStartsTheWebProcessFirstAndEndsStopped()
    {
        var recipe = MarkdownCodeBlocks.All().Single(b => b.IsShell && b.Marker == "scale-out-recipe").Code;

        Assert.StartsWith("dotnet build sample-app -c Release\n", recipe);
        Assert.DoesNotContain("dotnet run", recipe);
        Assert.Equal(3, recipe.Split('\n').Count(l => l.StartsWith("dotnet $app ", StringComparison.Ordinal)));
        Assert.Contains("kill $pids", recipe);
        // The web process creates the schema before the workers start (three at once raced on Hangfire's).
        var lines = recipe.Split('\n');
        var web = Array.FindIndex(lines, l => l.Contains("--Queue:Role=Web", StringComparison.Ordinal));
        var firstWorker = Array.FindIndex(lines, l => l.Contains("--Queue:Role=Workers", StringComparison.Ordinal));
        Assert.Contains(lines[(web + 1)..firstWorker], l => l.StartsWith("until curl -sf http://127.0.0.1:5000/health", StringComparison.Ordinal));
        Assert.DoesNotContain("Busy", recipe);
        // It ends with the cluster it started stopped.
        Assert.EndsWith("eng/postgres.sh stop   # removes the throwaway cluster if the recipe started it\n", recipe);
    }

    [Fact]
    public void OwnServerConnectionString_InDocs_NamesPortAndCreatedRole()
    {
        var readme = File.ReadAllText(Repository.PathOf("docs", "operations.md"));

        Assert.Contains("CREATE ROLE app LOGIN PASSWORD 'secret'", readme);
        Assert.Contains("CREATE DATABASE app OWNER app", readme);
        Assert.Contains("Host=127.0.0.1;Port=5432;Username=app;Password=secret;Database=app", readme);
    }

    [SkippableFact]
    public Task ScaleOutCheck_RecipeAsWritten_WorkersOfTheOtherProcessesRunTheCalls() => RunCheckAsync(engine: null);

    [SkippableFact]
    public Task ScaleOutCheck_RecipeOnHangfire_WorkersRunTheCallsAndNoProcessFails() => RunCheckAsync(engine: "Hangfire");

    private static async Task RunCheckAsync(string? engine)
    {
        var admin = Environment.GetEnvironmentVariable("SOAPMW_PG_CONNECTION");
        Skip.If(string.IsNullOrWhiteSpace(admin), SkipReason);
        var server = new NpgsqlConnectionStringBuilder(admin);
        var name = $"app_{Guid.NewGuid():N}"[..20];
        try
        {
            // The README's own "create a role and a database" commands and connection string, pointed at the test
            // server under a unique name: the queue then really runs as that role, so a missing privilege fails here.
            var setup = MarkdownCodeBlocks.All().Single(b => b.IsShell && b.Code.Contains("CREATE ROLE", StringComparison.Ordinal)).Code;
            var ownServer = setup
                .Replace("-h 127.0.0.1 -p 5432 -U postgres", $"-h {server.Host} -p {server.Port} -U {server.Username}", StringComparison.Ordinal)
                .Replace("ROLE app ", $"ROLE {name} ", StringComparison.Ordinal)
                .Replace("DATABASE app OWNER app", $"DATABASE {name} OWNER {name}", StringComparison.Ordinal)
                .Replace("Host=127.0.0.1;Port=5432;Username=app;", $"Host={server.Host};Port={server.Port};Username={name};", StringComparison.Ordinal)
                .Replace("Database=app\"", $"Database={name}\"", StringComparison.Ordinal);
            Assert.Contains(name, ownServer.Split('\n')[0]);
            Assert.Contains($"Username={name};", ownServer);
            var ports = string.Join(' ', Enumerable.Range(0, 3).Select(_ => LoopbackPort.Next()).Distinct());
            var script = $"set -euo pipefail\n{ownServer}\nexec bash {Repository.PathOf("eng", "scale-out-check.sh")}\n";

            var run = await Command.RunAsync(
                "bash",
                ["-c", script],
                Repository.Root,
                TimeSpan.FromMinutes(8),
                new Dictionary<string, string> { ["SCALE_OUT_PORTS"] = ports, ["PGPASSWORD"] = server.Password ?? "", ["Queue__Engine"] = engine ?? "Builtin" });

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("scale-out check passed", run.Output);
        }
        finally
        {
            await ExecuteAsync(admin!, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            await ExecuteAsync(admin!, $"DROP ROLE IF EXISTS {name}");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
