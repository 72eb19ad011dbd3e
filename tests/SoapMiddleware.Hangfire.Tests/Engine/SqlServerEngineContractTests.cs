using SoapMiddleware.EngineContract;
using SoapMiddleware.Hangfire.Tests.Infrastructure;

namespace SoapMiddleware.Hangfire.Tests.Engine;

/// <summary>The engine contract on Hangfire.SqlServer: runs when SOAPMW_SQLSERVER_CONNECTION is set, else reports itself skipped.</summary>
public sealed class SqlServerEngineContractTests : EngineContractTests
{
    protected override string? SkipReason => TestEnvironment.SqlServer is null ? TestEnvironment.SqlServerSkip : null;

    protected override string EngineName => "Hangfire";

    protected override Task<IEngineHost> StartHostAsync(EngineProbe probe) => HangfireEngineHost.StartAsync(probe, TestStorages.SqlServer());
}
