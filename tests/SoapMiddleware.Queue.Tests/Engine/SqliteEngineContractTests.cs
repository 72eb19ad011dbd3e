using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using SoapMiddleware.EngineContract;

namespace SoapMiddleware.Queue.Tests.Engine;

/// <summary>The engine contract on the built-in engine over a SQLite file.</summary>
public sealed class SqliteEngineContractTests : EngineContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("soapmw-engine-").FullName;

    protected override string EngineName => "Builtin";

    protected override Task<IEngineHost> StartHostAsync(EngineProbe probe)
        => BuiltinEngineHost.StartAsync(probe, q => q.UseSqlite(Path.Combine(_directory, "queue.db")));

    protected override Task CleanupAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
