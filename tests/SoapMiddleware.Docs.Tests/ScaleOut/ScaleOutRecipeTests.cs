using Npgsql;
using SoapMiddleware.Docs.Tests.CodeBlocks;
using SoapMiddleware.Docs.Tests.Infrastructure;

namespace SoapMiddleware.Docs.Tests.ScaleOut;

/// <summary>
/// The README's scale-out recipe works when pasted: <c>eng/scale-out-check.sh</c> runs it as written (free loopback
/// ports, a fresh database on the test PostgreSQL) and checks that the worker processes run the web process's calls.
/// </summary>
[Collection(DocsCollection.Name)]
public sealed class ScaleOutRecipeTests
{
    private const string SkipReason = "SOAPMW_PG_CONNECTION not set: run ./test.sh, which starts a throwaway PostgreSQL";

    [Fact]
    public void Recipe_InReadme_BuildsOnceAndStartsTheBuiltApp()
    {
        var recipe = MarkdownCodeBlocks.All().Single(b => b.IsShell && b.Marker == "scale-out-recipe").Code;

        Assert.StartsWith("dotnet build sample-app -c Release\n", recipe);
        Assert.DoesNotContain("dotnet run", recipe);
        Assert.Equal(3, recipe.Split('\n').Count(l => l.StartsWith("dotnet $app ", StringComparison.Ordinal)));
        Assert.Contains("kill $pids", recipe);
    }

    [Fact]
    public void OwnServerConnectionString_InReadme_NamesPortAndCreatedRole()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));

        Assert.Contains("CREATE ROLE app LOGIN PASSWORD 'secret'", readme);
        Assert.Contains("CREATE DATABASE app OWNER app", readme);
        Assert.Contains("Host=127.0.0.1;Port=5432;Username=app;Password=secret;Database=app", readme);
    }

    [SkippableFact]
    public async Task ScaleOutCheck_RecipeAsWritten_WorkersOfTheOtherProcessesRunTheCalls()
    {
        var admin = Environment.GetEnvironmentVariable("SOAPMW_PG_CONNECTION");
        Skip.If(string.IsNullOrWhiteSpace(admin), SkipReason);
        var database = $"soapmw_scaleout_{Guid.NewGuid():N}"[..32];
        await ExecuteAsync(admin!, $"CREATE DATABASE {database}");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
            var ports = string.Join(' ', Enumerable.Range(0, 3).Select(_ => LoopbackPort.Next()).Distinct());

            var run = await Command.RunAsync(
                "bash",
                [Repository.PathOf("eng", "scale-out-check.sh")],
                Repository.Root,
                TimeSpan.FromMinutes(6),
                new Dictionary<string, string> { ["SCALE_OUT_PORTS"] = ports, ["Queue__ConnectionString"] = connectionString });

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("scale-out check passed", run.Output);
        }
        finally
        {
            await ExecuteAsync(admin!, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
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
