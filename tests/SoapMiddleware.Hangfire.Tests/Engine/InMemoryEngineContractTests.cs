using SoapMiddleware.EngineContract;
using SoapMiddleware.Hangfire.Tests.Infrastructure;

namespace SoapMiddleware.Hangfire.Tests.Engine;

/// <summary>The engine contract on Hangfire.InMemory.</summary>
public sealed class InMemoryEngineContractTests : EngineContractTests
{
    protected override string EngineName => "Hangfire";

    protected override Task<IEngineHost> StartHostAsync(EngineProbe probe) => HangfireEngineHost.StartAsync(probe, TestStorages.InMemory());
}
