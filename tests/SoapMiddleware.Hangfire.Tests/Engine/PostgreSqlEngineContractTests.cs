using SoapMiddleware.EngineContract;
using SoapMiddleware.Hangfire.Tests.Infrastructure;

namespace SoapMiddleware.Hangfire.Tests.Engine;

/// <summary>The engine contract on Hangfire.PostgreSql (a schema per test).</summary>
public sealed class PostgreSqlEngineContractTests : EngineContractTests
{
    private readonly PostgreSqlSchemas _schemas = new();

    protected override string? SkipReason => TestEnvironment.PostgreSql is null ? TestEnvironment.PostgreSqlSkip : null;

    protected override string EngineName => "Hangfire";

    protected override Task<IEngineHost> StartHostAsync(EngineProbe probe) => HangfireEngineHost.StartAsync(probe, TestStorages.PostgreSql(_schemas));

    protected override async Task CleanupAsync() => await _schemas.DisposeAsync();
}
