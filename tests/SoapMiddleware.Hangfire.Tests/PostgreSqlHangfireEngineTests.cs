using Hangfire;
using SoapMiddleware.Hangfire.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SoapMiddleware.Hangfire.Tests;

/// <summary>The engine on Hangfire.PostgreSql, against the real test cluster (a fresh schema per host).</summary>
[RequiresEnvironment(TestEnvironment.PostgreSqlVariable, TestEnvironment.PostgreSqlSkip)]
public sealed class PostgreSqlHangfireEngineTests(ITestOutputHelper output) : HangfireEngineTests(output)
{
    private readonly PostgreSqlSchemas _schemas = new();

    protected override JobStorage NewStorage() => TestStorages.PostgreSql(_schemas);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _schemas.DisposeAsync();
    }
}
