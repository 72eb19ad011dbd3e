using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.EngineContract;
using SoapMiddleware.Queue.Tests.Storage;

namespace SoapMiddleware.Queue.Tests.Engine;

/// <summary>The engine contract on the built-in engine over PostgreSQL (one schema per test).</summary>
public sealed class PostgreSqlEngineContractTests : EngineContractTests
{
    private readonly PostgreSqlTestSchemas _schemas = new();

    protected override string? SkipReason => PostgreSqlTestEnvironment.ConnectionString is null ? PostgreSqlTestEnvironment.SkipReason : null;

    protected override string EngineName => "Builtin";

    protected override Task<IEngineHost> StartHostAsync(EngineProbe probe)
        => BuiltinEngineHost.StartAsync(probe, q => q.UsePostgreSql(_schemas.ConnectionString("engine")));

    protected override async Task CleanupAsync() => await _schemas.DisposeAsync();
}
