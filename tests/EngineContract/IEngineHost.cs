using SoapMiddleware.Queue;

namespace SoapMiddleware.EngineContract;

/// <summary>
/// A running app with one queue engine: <see cref="EngineTestService"/> registered, at least two workers, retries a
/// second apart at most, delayed and recurring calls picked up within about a second; <see cref="SecureEnqueue"/> mapped.
/// </summary>
public interface IEngineHost : IAsyncDisposable
{
    IRpcQueue Queue { get; }

    IRpcQueueMonitor Monitor { get; }

    /// <summary>A client of the host's Kestrel, where <see cref="SecureEnqueue.Path"/> is mapped.</summary>
    HttpClient Client { get; }
}
