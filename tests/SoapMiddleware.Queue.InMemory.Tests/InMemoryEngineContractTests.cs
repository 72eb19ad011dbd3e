using SoapMiddleware.EngineContract;

namespace SoapMiddleware.Queue.InMemory.Tests;

/// <summary>
/// The engine contract on the built-in engine over <see cref="InMemoryQueueStorage"/>, a storage written on public API
/// only (this project sees no internals of the queue).
/// </summary>
public sealed class InMemoryEngineContractTests : EngineContractTests
{
    protected override string EngineName => "Builtin";

    protected override async Task<IEngineHost> StartHostAsync(EngineProbe probe) => await InMemoryEngineHost.StartAsync(probe);
}
