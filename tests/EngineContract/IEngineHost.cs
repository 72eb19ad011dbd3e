using SoapMiddleware.Queue;

namespace SoapMiddleware.EngineContract;

/// <summary>
/// A running app with one queue engine: <see cref="EngineTestService"/> registered, at least two workers, retries a
/// second apart at most, delayed and recurring calls picked up within about a second.
/// </summary>
public interface IEngineHost : IAsyncDisposable
{
    IRpcQueue Queue { get; }

    IRpcQueueMonitor Monitor { get; }
}
